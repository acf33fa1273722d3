// The Data page: what the index holds (indexes; hosts, sources, sourcetypes and EventCodes with
// counts and first/last times, counted inside the store), the ingest rate, and which detections
// can fire on the data present and which cannot, naming the index, sourcetype, source, channel
// or EventCode their leading search needs and no stored event has (from the search's route, the
// filter the engine routes events by; fields computed at search time are not judged).
import type { Workspace } from '../../engine/index.ts';
import type { RouteConstraint, RouteFilter } from '../../spl/index.ts';
import { compileWildcard, SEARCH_WILDCARD } from '../../spl/index.ts';
import { InexactAggregateError } from '../store/aggregate-query.ts';
import type { EventStore, IndexSummary } from '../store/event-store.ts';
import { FILTER_TRUE } from '../store/store-query.ts';
import type { IngestRate } from './ingest-rate.ts';

export const DATA_GROUPS = ['host', 'source', 'sourcetype', 'EventCode'] as const;

export interface DataGroupRow {
  readonly value: string;
  readonly count: number;
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
}

export interface DetectionCoverage {
  readonly id: string;
  readonly name: string;
  readonly canFire: boolean;
  /** What the data lacks, one phrase per alternative of the leading search. */
  readonly missing: readonly string[];
}

export interface DataAnswer {
  readonly indexes: readonly IndexSummary[];
  readonly groups: Readonly<Record<string, readonly DataGroupRow[]>>;
  /** A group the store could not count exactly (a multivalued field), with the reason. */
  readonly inexact: Readonly<Record<string, string>>;
  readonly ingest: ReturnType<IngestRate['snapshot']>;
  readonly coverage: readonly DetectionCoverage[];
}

/** At most this many values per group are listed (the most frequent). */
const MAX_VALUES = 200;

export async function dataOverview(
  store: EventStore,
  workspace: Workspace,
  rate: IngestRate,
): Promise<DataAnswer> {
  const indexes = await store.summary();
  const names = indexes.map((i) => i.name);
  const groups: Record<string, DataGroupRow[]> = {};
  const inexact: Record<string, string> = {};
  for (const field of DATA_GROUPS) {
    try {
      const rows = await store.aggregate({
        indexes: names,
        filter: FILTER_TRUE,
        by: [field],
        aggregates: [{ kind: 'count' }, { kind: 'minTime' }, { kind: 'maxTime' }],
      });
      const all = rows.map((r) => ({
        value: r.by[0] ?? '',
        count: r.values[0] ?? 0,
        firstTime: r.values[1],
        lastTime: r.values[2],
      }));
      groups[field] = all.sort((a, b) => b.count - a.count).slice(0, MAX_VALUES);
    } catch (error) {
      if (!(error instanceof InexactAggregateError)) throw error;
      inexact[field] = error.message;
    }
  }
  const combos = await dataCombinations(store, names);
  const coverage = workspace.detections.map(({ detection, plan }) => ({
    id: detection.id,
    name: detection.name,
    ...judge(plan.route, combos),
  }));
  return { indexes, groups, inexact, ingest: rate.snapshot(), coverage };
}

/** One combination of index, sourcetype, source and EventCode that stored events have. */
type Combination = Readonly<
  Record<'index' | 'sourcetype' | 'source' | 'EventCode', string | undefined>
>;

/** The distinct combinations, counted in the store (events without an EventCode too). */
async function dataCombinations(
  store: EventStore,
  indexes: readonly string[],
): Promise<Combination[]> {
  const query = (by: readonly string[]) =>
    store.aggregate({ indexes, filter: FILTER_TRUE, by, aggregates: [{ kind: 'count' }] });
  const withCode = await query(['index', 'sourcetype', 'source', 'EventCode']).catch(
    (error: unknown) => {
      if (error instanceof InexactAggregateError) return [];
      throw error;
    },
  );
  const all = await query(['index', 'sourcetype', 'source']);
  const lower = (v: string | undefined) => v?.toLowerCase();
  return [
    ...withCode.map((r) => ({
      index: lower(r.by[0]),
      sourcetype: lower(r.by[1]),
      source: lower(r.by[2]),
      EventCode: lower(r.by[3]),
    })),
    ...all.map((r) => ({
      index: lower(r.by[0]),
      sourcetype: lower(r.by[1]),
      source: lower(r.by[2]),
      EventCode: undefined,
    })),
  ];
}

/**
 * A detection can fire when some alternative of its leading search's route is met by one
 * combination of the data; otherwise, per alternative, what the closest combination lacks.
 */
function judge(
  route: RouteFilter,
  combos: readonly Combination[],
): { canFire: boolean; missing: string[] } {
  if (route.kind === 'any') return { canFire: true, missing: [] };
  if (route.kind === 'none') return { canFire: false, missing: ['it reads no events'] };
  const missing: string[] = [];
  for (const alternative of route.alternatives) {
    let best: readonly RouteConstraint[] = alternative;
    for (const combo of combos) {
      const lacking = alternative.filter((c) => !meets(c, combo));
      if (lacking.length < best.length) best = lacking;
      if (best.length === 0) return { canFire: true, missing: [] };
    }
    missing.push(best.map(describe).join(' and '));
  }
  return { canFire: false, missing: [...new Set(missing)] };
}

function meets(constraint: RouteConstraint, combo: Combination): boolean {
  const value = comboValue(constraint.field, combo);
  if (value === undefined) return false;
  return constraint.values.some((wanted) =>
    constraint.wildcard ? compileWildcard(wanted, SEARCH_WILDCARD)(value) : value === wanted,
  );
}

function comboValue(field: RouteConstraint['field'], combo: Combination): string | undefined {
  switch (field) {
    case 'EventID':
    case 'EventCode':
      return combo.EventCode;
    // The Windows channel, as a Windows event's source names it (XmlWinEventLog:<Channel>).
    case 'Channel':
      return combo.source?.replace(/^(xml)?wineventlog:/, '');
    default:
      return combo[field];
  }
}

function describe(constraint: RouteConstraint): string {
  const field = constraint.field === 'EventID' ? 'EventCode' : constraint.field;
  return `no ${field} ${constraint.values.join(' or ')}`;
}
