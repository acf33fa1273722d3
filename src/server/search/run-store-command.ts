// Runs a leading store command (store-commands.ts) and gives the rows it produces.
import { type Event, writeField } from '../../core/index.ts';
import { clauseTimeWindow, resolveTimeRange, type TimeBounds } from '../../spl/index.ts';
import {
  chooseIndexes,
  type IndexSearchDeps,
  type IndexSearchRequest,
  SearchCompileError,
  type SearchOutput,
  timeOf,
} from './search-context.ts';
import { METADATA_FIELD, metadataRows, type StoreCommand } from './store-commands.ts';
import { statsRows } from './store-stats.ts';

/** splunk_server in eventcount rows: this server's name for itself. */
const SERVER_NAME = 'spelunk';

export async function runStoreCommand(
  command: StoreCommand,
  request: IndexSearchRequest,
  deps: IndexSearchDeps,
  output: SearchOutput,
): Promise<Event[]> {
  const indexes = chooseIndexes([command.route], deps, output);
  const time = timeOf(commandTime(command, request));
  const signal = request.signal ? { signal: request.signal } : {};
  switch (command.kind) {
    case 'aggregate': {
      const groups = await deps.store.aggregate({
        indexes,
        filter: command.filter,
        by: command.by,
        ...(command.timeBucket === undefined ? {} : { timeBucket: command.timeBucket }),
        aggregates: command.aggregates,
        ...time,
        ...signal,
      });
      return statsRows({ ...command, rest: 0 }, groups);
    }
    case 'metadata': {
      const groups = await deps.store.aggregate({
        indexes,
        filter: { kind: 'true' },
        by: [METADATA_FIELD[command.type]],
        aggregates: [{ kind: 'count' }, { kind: 'minTime' }, { kind: 'maxTime' }],
        ...time,
        ...signal,
      });
      return metadataRows(command.type, groups);
    }
    case 'eventcount': {
      // Like Splunk's, eventcount counts whole indexes whatever the time range.
      const summary = (await deps.store.summary()).filter((s) => indexes.includes(s.name));
      if (command.summarize) {
        const row: Event = { count: summary.reduce((n, s) => n + s.events, 0) };
        if (command.reportSize) row['size_bytes'] = summary.reduce((n, s) => n + s.diskBytes, 0);
        return [row];
      }
      return indexes.map((index) => {
        const s = summary.find((x) => x.name === index);
        const row: Event = { count: s?.events ?? 0, index, server: SERVER_NAME };
        if (command.reportSize) writeField(row, 'size_bytes', s?.diskBytes ?? 0);
        return row;
      });
    }
  }
}

/**
 * The window a store command reads: tstats' own time modifiers in its WHERE, else the job's time
 * range (metadata and eventcount have no clause of their own).
 */
function commandTime(command: StoreCommand, request: IndexSearchRequest): TimeBounds {
  const now = request.now ?? Date.now() / 1000;
  if (command.kind === 'aggregate' && command.where !== undefined) {
    const window = clauseTimeWindow(command.where, { now });
    if (!isAllTimeBounds(window.time)) return window.time;
  }
  const range = resolveTimeRange(request.timeRange ?? {}, now);
  if (!range.ok) {
    throw new SearchCompileError(
      [],
      range.problems.map((p) => `bad ${p.side} time: ${p.message}`).join('; '),
    );
  }
  return range.bounds;
}

function isAllTimeBounds(bounds: TimeBounds): boolean {
  return bounds.earliest === undefined && bounds.latest === undefined;
}
