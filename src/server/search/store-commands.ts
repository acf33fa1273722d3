// Leading commands that read only what the store keeps about events, run inside it:
// `| tstats` over index-time fields (without FROM datamodel), `| metadata` and `| eventcount`.
import type { Event } from '../../core/index.ts';
import {
  type Command,
  type GenericCommand,
  type RouteFilter,
  routeOfSearch,
  type SearchExpr,
  type SpanValue,
  spanSeconds,
  type TstatsCommand,
} from '../../spl/index.ts';
import type { StoreAggregate } from '../store/aggregate-query.ts';
import type { StoreFilter } from '../store/store-query.ts';
import { searchFilter } from './search-filter.ts';
import { outputName, storeAggregate, structurallyExact } from './store-stats.ts';

/** Splunk's index-time fields, the ones tstats without a data model can read. */
const INDEX_TIME_FIELDS = new Set(['index', 'host', 'source', 'sourcetype']);

export class StoreCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreCommandError';
  }
}

export type StoreCommand =
  | {
      readonly kind: 'aggregate';
      readonly command: string;
      /** The WHERE clause, for its time modifiers. */
      readonly where: SearchExpr | undefined;
      readonly route: RouteFilter;
      readonly filter: StoreFilter;
      readonly by: readonly string[];
      /** Bucket seconds of `_time` when `by` names it (AggregateQuery.timeBucket). */
      readonly timeBucket?: number;
      readonly aggregates: readonly StoreAggregate[];
      readonly outputs: readonly string[];
    }
  | {
      readonly kind: 'metadata';
      readonly type: 'hosts' | 'sources' | 'sourcetypes';
      readonly route: RouteFilter;
    }
  | {
      readonly kind: 'eventcount';
      readonly route: RouteFilter;
      readonly summarize: boolean;
      readonly reportSize: boolean;
    };

/** The store command the pipeline starts with, if it starts with one. */
export function leadingStoreCommand(
  first: Command | undefined,
  sourceText: string,
): StoreCommand | undefined {
  if (first?.kind === 'Tstats' && first.from === undefined) return tstatsCommand(first, sourceText);
  if (first?.kind === 'Generic' && first.name.toLowerCase() === 'metadata') return metadata(first);
  if (first?.kind === 'Generic' && first.name.toLowerCase() === 'eventcount')
    return eventcount(first);
  return undefined;
}

function tstatsCommand(command: TstatsCommand, sourceText: string): StoreCommand {
  const options = Object.entries(command.options).filter(
    ([name, option]) => option !== undefined && !['local', 'summariesonly'].includes(name),
  );
  if (options.length > 0) {
    throw new StoreCommandError(
      `tstats over the index does not take ${options.map(([n]) => n).join(', ')}`,
    );
  }
  const indexTime = { computed: (field: string) => !INDEX_TIME_FIELDS.has(field) };
  const expr = command.where?.expr;
  const filter = searchFilter(expr, indexTime);
  if (!structurallyExact(filter)) {
    throw new StoreCommandError(
      `tstats WHERE compares index-time fields (${[...INDEX_TIME_FIELDS].join(', ')}); use search and stats for other fields or raw terms`,
    );
  }
  const by = (command.by?.fields ?? []).map((f) => f.name);
  const span = command.by?.timeSpan;
  if (span !== undefined && !by.includes('_time')) {
    throw new StoreCommandError(`tstats: span=${span.text} buckets _time, which BY does not name`);
  }
  const timeBucket = by.includes('_time') ? bucketSeconds(span?.value, span?.text) : undefined;
  const notIndexed = by.find((f) => f !== '_time' && !INDEX_TIME_FIELDS.has(f));
  if (notIndexed !== undefined) {
    throw new StoreCommandError(
      `tstats over the index groups by index-time fields (${[...INDEX_TIME_FIELDS].join(', ')}); ${notIndexed} is a search-time field: use stats`,
    );
  }
  const aggregates: StoreAggregate[] = [];
  const outputs: string[] = [];
  for (const aggregation of command.aggregations) {
    const aggregate = storeAggregate(aggregation, indexTime);
    if (aggregate === undefined) {
      throw new StoreCommandError(
        `tstats over the index computes count, count(field), dc(field), min(_time) and max(_time) of index-time fields, not ${sourceText.slice(aggregation.span.start, aggregation.span.end)}`,
      );
    }
    aggregates.push(aggregate);
    outputs.push(outputName(aggregation, sourceText));
  }
  return {
    kind: 'aggregate',
    command: 'tstats',
    where: expr,
    route: routeOfSearch(expr),
    filter,
    by,
    ...(timeBucket === undefined ? {} : { timeBucket }),
    aggregates,
    outputs,
  };
}

/**
 * Seconds of tstats' `_time` buckets, as the engine's tstats groups them (spl's bin alignment):
 * a span in seconds, minutes or hours floors epoch time to multiples of it; no span groups by the
 * whole second. Days and weeks align to local midnight, which the store computes only when the
 * server's time zone is UTC (no offset to follow); months, quarters and years are calendar spans.
 */
function bucketSeconds(span: SpanValue | undefined, text: string | undefined): number {
  if (span === undefined) return 1;
  const seconds = spanSeconds(span);
  if (seconds === null) {
    throw new StoreCommandError(
      `tstats over the index buckets _time by fixed spans (s, m, h, d, w), not span=${text}`,
    );
  }
  if ((span.unit === 'd' || span.unit === 'w') && !utcZone()) {
    throw new StoreCommandError(
      `tstats over the index buckets _time by span=${text} only when the server runs in UTC (days align to local midnight); use s, m or h spans`,
    );
  }
  return seconds;
}

function utcZone(): boolean {
  const probe = [Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15)];
  return probe.every((t) => new Date(t).getTimezoneOffset() === 0);
}

/** `key=value` arguments of a command spelunk keeps as tokens; each key may repeat. */
function keyValues(command: GenericCommand): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const key = args[i];
    const eq = args[i + 1];
    const value = args[i + 2];
    if (
      key?.kind !== 'GenericToken' ||
      eq?.kind !== 'GenericToken' ||
      eq.text !== '=' ||
      value?.kind !== 'GenericToken'
    ) {
      const shown = key?.kind === 'GenericToken' ? key.text : '[subsearch]';
      throw new StoreCommandError(
        `${command.name}: expected key=value arguments, found "${shown}"`,
      );
    }
    const list = values.get(key.text.toLowerCase()) ?? [];
    list.push(value.text.replace(/^"(.*)"$/s, '$1'));
    values.set(key.text.toLowerCase(), list);
    i += 2;
  }
  return values;
}

function indexRoute(indexes: readonly string[] | undefined): RouteFilter {
  if (indexes === undefined) return { kind: 'any' };
  const values = indexes.map((i) => i.toLowerCase());
  return {
    kind: 'alternatives',
    alternatives: [[{ field: 'index', values, wildcard: values.some((v) => v.includes('*')) }]],
  };
}

function checkKeys(command: GenericCommand, args: Map<string, string[]>, allowed: string[]): void {
  for (const key of args.keys()) {
    if (!allowed.includes(key)) {
      throw new StoreCommandError(
        `${command.name} does not take ${key}= (it takes ${allowed.join(', ')})`,
      );
    }
  }
}

function metadata(command: GenericCommand): StoreCommand {
  const args = keyValues(command);
  checkKeys(command, args, ['type', 'index', 'splunk_server', 'splunk_server_group', 'datatype']);
  const type = args.get('type')?.[0]?.toLowerCase();
  if (type !== 'hosts' && type !== 'sources' && type !== 'sourcetypes') {
    throw new StoreCommandError('metadata needs type=hosts, type=sources or type=sourcetypes');
  }
  return { kind: 'metadata', type, route: indexRoute(args.get('index')) };
}

function eventcount(command: GenericCommand): StoreCommand {
  const args = keyValues(command);
  checkKeys(command, args, ['index', 'summarize', 'report_size', 'list_vix']);
  const flag = (name: string, fallback: boolean) => {
    const value = args.get(name)?.[0]?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', 't', '1', 'yes'].includes(value)) return true;
    if (['false', 'f', '0', 'no'].includes(value)) return false;
    throw new StoreCommandError(`eventcount: ${name}= takes true or false`);
  };
  return {
    kind: 'eventcount',
    route: indexRoute(args.get('index')),
    summarize: flag('summarize', true),
    reportSize: flag('report_size', false),
  };
}

/** The field metadata groups by, and the `type` value Splunk writes in its rows. */
export const METADATA_FIELD = {
  hosts: 'host',
  sources: 'source',
  sourcetypes: 'sourcetype',
} as const;

export function metadataRows(
  type: 'hosts' | 'sources' | 'sourcetypes',
  groups: readonly { by: readonly string[]; values: readonly (number | undefined)[] }[],
): Event[] {
  const field = METADATA_FIELD[type];
  return [...groups]
    .sort((a, b) => (a.by[0] ?? '').localeCompare(b.by[0] ?? ''))
    .map((g) => {
      const [count, first, last] = g.values;
      const row: Event = {
        firstTime: first,
        lastTime: last,
        recentTime: last,
        totalCount: count,
        type,
      };
      row[field] = g.by[0];
      return row;
    });
}
