// `[search ...] | stats count, count(f), dc(f), min(_time), max(_time) [by f...]` computed by the
// store: a GROUP BY over stored columns instead of every event through the engine. Taken only when
// that gives exactly the engine's rows: the search clause is all field comparisons on stored
// fields no field knowledge writes, the stats has no options, and the store confirms no field
// involved holds multivalues (else it refuses and the search runs the usual way).
import { type Event, writeField } from '../../core/index.ts';
import {
  type Aggregation,
  type Command,
  compareGroupValues,
  type StatsCommand,
} from '../../spl/index.ts';
import type { AggregateRow, StoreAggregate } from '../store/aggregate-query.ts';
import type { StoreFilter } from '../store/store-query.ts';
import { type FilterLimits, searchFilter } from './search-filter.ts';

export interface StoreStats {
  readonly filter: StoreFilter;
  readonly by: readonly string[];
  readonly aggregates: readonly StoreAggregate[];
  /** Output field of each aggregate (its alias, or the call as written). */
  readonly outputs: readonly string[];
  /** Commands after the stats, run by the engine over its rows. */
  readonly rest: number;
}

/** The store plan for the pipeline's leading search and stats, if it has that shape. */
export function storeStats(
  commands: readonly Command[],
  sourceText: string,
  limits: FilterLimits,
): StoreStats | undefined {
  const [first, second] = commands;
  const search = first?.kind === 'Search' ? first : undefined;
  const stats = search ? second : first;
  if (stats?.kind !== 'Stats' || !plainStats(stats)) return undefined;
  const filter = searchFilter(search?.expr, limits);
  if (!structurallyExact(filter)) return undefined;
  const by = (stats.by?.fields ?? []).map((f) => f.name);
  if (stats.by?.timeSpan !== undefined || !by.every((f) => countable(f, limits))) return undefined;
  const aggregates: StoreAggregate[] = [];
  const outputs: string[] = [];
  for (const aggregation of stats.aggregations) {
    const aggregate = storeAggregate(aggregation, limits);
    if (aggregate === undefined) return undefined;
    aggregates.push(aggregate);
    outputs.push(outputName(aggregation, sourceText));
  }
  return { filter, by, aggregates, outputs, rest: search ? 2 : 1 };
}

/** The stats rows the engine would emit: by-fields then aggregates, groups in by-value order. */
export function statsRows(plan: StoreStats, groups: readonly AggregateRow[]): Event[] {
  const sorted = [...groups].sort((a, b) => compareGroupValues(a.by, b.by));
  return sorted.map((group) => {
    const row: Event = {};
    plan.by.forEach((field, i) => {
      // A `_time` bucket is epoch seconds, a number as the engine's tstats gives it.
      writeField(row, field, field === '_time' ? Number(group.by[i]) : group.by[i]);
    });
    plan.outputs.forEach((name, i) => {
      writeField(row, name, group.values[i]);
    });
    return row;
  });
}

function plainStats(stats: StatsCommand): boolean {
  const o = stats.options;
  return (
    o.allnum === undefined &&
    o.delim === undefined &&
    o.partitions === undefined &&
    o.dedup_splitvals === undefined
  );
}

/** The store can count on metadata and stored fields that knowledge does not write. */
export function countable(field: string, limits: FilterLimits): boolean {
  if (['index', 'host', 'source', 'sourcetype'].includes(field)) return true;
  return !field.startsWith('_') && !field.includes('*') && !limits.computed(field);
}

export function storeAggregate(
  aggregation: Aggregation,
  limits: FilterLimits,
): StoreAggregate | undefined {
  const fn = aggregation.function.toLowerCase();
  const arg = aggregation.argument;
  if (arg === undefined) return fn === 'count' ? { kind: 'count' } : undefined;
  if (arg.kind !== 'FieldName') return undefined;
  if (arg.name === '_time') {
    if (fn === 'min' || fn === 'earliest_time') return { kind: 'minTime' };
    if (fn === 'max' || fn === 'latest_time') return { kind: 'maxTime' };
    return undefined;
  }
  if (!countable(arg.name, limits)) return undefined;
  if (fn === 'count') return { kind: 'countField', field: arg.name };
  if (fn === 'dc' || fn === 'distinct_count') return { kind: 'distinct', field: arg.name };
  return undefined;
}

/** The output field name stats gives an aggregation (spl/operators/aggregations.ts). */
export function outputName(aggregation: Aggregation, sourceText: string): string {
  return (
    aggregation.alias?.name ??
    sourceText
      .slice(aggregation.span.start, aggregation.span.end)
      .replace(/\s+/g, '')
      .replace(/\(\)$/, '')
  );
}

/** No part the store can only approximate (a bare term, a computed field). */
export function structurallyExact(filter: StoreFilter): boolean {
  switch (filter.kind) {
    case 'unknown':
    case 'rawContains':
      return false;
    case 'and':
    case 'or':
      return filter.operands.every(structurallyExact);
    case 'not':
      return structurallyExact(filter.operand);
    default:
      return true;
  }
}
