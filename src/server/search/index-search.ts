// The search role's one entry point: SPL over the index. parse → a leading store command
// (tstats/metadata/eventcount) or a store-side stats, when the search has that shape → otherwise
// compile the plan, push its time range, route (indexes, source, sourcetype, host, EventCode,
// field terms) and the columns it needs into the store query, and feed what the store returns to
// the engine's event pump (one PlanConsumer), as a read of files is fed. Commands after a
// store-side part run in the engine over its rows.
import {
  type Diagnostic,
  type Event,
  type EventSource,
  formatDiagnostics,
  hasErrors,
} from '../../core/index.ts';
import { createEventPump, PlanConsumer, pumpSource, type Workspace } from '../../engine/index.ts';
import {
  expandSourcetypeAliases,
  type Plan,
  parseSpl,
  type TimeRangeInput,
  timeBoundsToRead,
} from '../../spl/index.ts';
import { InexactAggregateError } from '../store/aggregate-query.ts';
import type { StoreFilter } from '../store/store-query.ts';
import { knowledgeFields } from './knowledge-fields.ts';
import { runStoreCommand } from './run-store-command.ts';
import {
  chooseIndexes,
  type IndexSearchDeps,
  type IndexSearchRequest,
  SearchCompileError,
  type SearchOutput,
  timeOf,
} from './search-context.ts';
import { searchFilter } from './search-filter.ts';
import { leadingStoreCommand, StoreCommandError } from './store-commands.ts';
import { statsRows, storeStats } from './store-stats.ts';

export async function runIndexSearch(
  request: IndexSearchRequest,
  deps: IndexSearchDeps,
  output: SearchOutput,
): Promise<void> {
  const { workspace } = deps;
  const now = request.now ?? Date.now() / 1000;
  const parsed = parseSpl(request.spl, { macros: workspace.content.macros });
  if (hasErrors(parsed.diagnostics)) throw new SearchCompileError(parsed.diagnostics);
  const commands = expandSourcetypeAliases(parsed.pipeline).commands;
  const text = parsed.expanded.text;
  const knowledge = knowledgeFields(workspace.knowledge);
  const limits = { computed: (f: string) => knowledge.writesAny || knowledge.written.has(f) };

  let storeCommand: ReturnType<typeof leadingStoreCommand>;
  try {
    storeCommand = leadingStoreCommand(commands[0], text);
  } catch (error) {
    if (error instanceof StoreCommandError) throw new SearchCompileError([], error.message);
    throw error;
  }
  if (storeCommand !== undefined) {
    const rows = await runStoreCommand(storeCommand, { ...request, now }, deps, output);
    return runRest(commands[1]?.span.start, text, rows, deps, now, output);
  }

  const plan = compile(request.spl, workspace, now, request.timeRange);
  const stats = storeStats(commands, text, limits);
  if (stats !== undefined) {
    const indexes = chooseIndexes([plan.route], deps, output);
    try {
      const groups = await deps.store.aggregate({
        indexes,
        filter: stats.filter,
        by: stats.by,
        aggregates: stats.aggregates,
        ...timeOf(plan.timeBounds),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const rest = commands[stats.rest]?.span.start;
      return runRest(rest, text, statsRows(stats, groups), deps, now, output);
    } catch (error) {
      if (!(error instanceof InexactAggregateError)) throw error;
      // Multivalue fields somewhere: the engine counts them as stats does.
    }
  }

  const warn = (d: Diagnostic) => output.message('WARN', formatDiagnostics([d]));
  // The rows are kept by the job (or streamed out): the consumer treats them as held.
  const consumer = new PlanConsumer(plan, {
    emit: (rows) => output.emit(rows),
    warn,
    ...budgetOf(deps),
  });
  const pump = createEventPump([consumer], { knowledge: workspace.knowledge });
  if (plan.generating) {
    await pumpSource(pump, undefined);
    return;
  }
  const leading = commands[0]?.kind === 'Search' ? commands[0].expr : undefined;
  // Subsearches that read events need other events than the main search: no filter then.
  const filter: StoreFilter =
    plan.sidePlans.length === 0 ? searchFilter(leading, limits) : { kind: 'true' };
  const source = deps.store.query({
    indexes: chooseIndexes([plan.route], deps, output),
    filter,
    fields: knowledge.storedFor(consumer.fields),
    raw: pump.needsRaw,
    ...timeOf(timeBoundsToRead(plan)),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  await pumpSource(pump, counted(source, output));
}

function compile(spl: string, workspace: Workspace, now: number, timeRange?: TimeRangeInput): Plan {
  const compiled = workspace.compileSearch(spl, { now, ...(timeRange ? { timeRange } : {}) });
  if (!compiled.ok) throw new SearchCompileError(compiled.diagnostics);
  return compiled.value;
}

function budgetOf(deps: IndexSearchDeps): { maxMemoryBytes?: number } {
  return deps.maxMemoryBytes === undefined ? {} : { maxMemoryBytes: deps.maxMemoryBytes };
}

async function* counted(source: EventSource, output: SearchOutput): EventSource {
  for await (const batch of source) {
    output.scanned(batch.length);
    yield batch;
  }
}

/**
 * The commands from `start` on (offsets into the expanded search) run by the engine over rows
 * the store computed: compiled as `| <commands>`, the rows pushed in as events.
 */
async function runRest(
  start: number | undefined,
  text: string,
  rows: readonly Event[],
  deps: IndexSearchDeps,
  now: number,
  output: SearchOutput,
): Promise<void> {
  if (start === undefined) {
    output.emit(rows);
    return;
  }
  const plan = compile(`| ${text.slice(start)}`, deps.workspace, now);
  const run = plan.start({
    emit: (out) => output.emit(out),
    warn: (d) => output.message('WARN', formatDiagnostics([d])),
    ...budgetOf(deps),
  });
  if (rows.length > 0) run.push(rows);
  run.finish();
}
