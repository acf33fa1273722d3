// The dataset rows that pass tstats' WHERE: the clause's few fields first, every wanted field only for rows it keeps.
import type { Diagnostic, Event } from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { RouteFilter } from '../plan/route-filter.ts';
import { failed, type StageCompileContext } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import type { RunServices } from './run-services.ts';
import { compileOptimizedSearch } from './search-optimizer.ts';
import type { RowPredicate } from './search-predicate.ts';
import { compileSplicedSearch } from './spliced-search.ts';
import { hasSubsearch } from './subsearch-format.ts';
import type { DataModelDataset } from './tstats-data-model.ts';

/** The event's row with every wanted field, or undefined when it is not in the dataset or WHERE drops it. */
export type RowOf = (event: Event) => Event | undefined;

export interface RowSource {
  /** The event fields read (membership, WHERE and `wanted`). */
  readonly reads: FieldNeed;
  /** What WHERE reads of the rows: for the unknown-field warnings. */
  readonly whereReads: FieldNeed;
  readonly route: RouteFilter;
  /** Called when a run starts: subsearches in WHERE run then. */
  start(services: RunServices): RowOf;
}

/**
 * `wanted` are the fields BY and the aggregations read. A WHERE subsearch
 * (`where [| inputlookup tools.csv | fields Processes.process_name]`) is run when the run starts
 * and spliced in as search terms, as `search` does; it must generate its rows, since one that
 * reads events would need its own pass first. Its terms are only known then, so every field of
 * the dataset is computed for such a search.
 */
export function compileRowSource(
  context: StageCompileContext,
  dataset: DataModelDataset,
  where: SearchExpr | undefined,
  wanted: FieldNeed,
): RowSource | readonly Diagnostic[] {
  if (where === undefined || !hasSubsearch(where)) {
    const predicate = where === undefined ? undefined : compileOptimizedSearch(context, where);
    if (predicate !== undefined && failed(predicate)) return predicate;
    const rows = filteredRows(dataset, unionNeed(wanted, predicate?.reads ?? []), predicate);
    return { ...rows, whereReads: predicate?.reads ?? new Set(), start: () => rows.rowOf };
  }
  const spliced = compileSplicedSearch(context, where, 'in tstats WHERE');
  if (failed(spliced)) return spliced;
  const full = dataset.project('all', 'prefixed');
  return {
    reads: full.reads,
    whereReads: new Set(),
    route: full.route,
    start(services) {
      const predicate = spliced.start(services);
      if (predicate === undefined) return () => undefined;
      const test = predicate.test;
      return (event) => {
        const row = full.project(event);
        return row !== undefined && test(row) ? row : undefined;
      };
    },
  };
}

interface FilteredRows {
  readonly reads: FieldNeed;
  readonly route: RouteFilter;
  readonly rowOf: RowOf;
}

/**
 * Most events of a dataset fail WHERE (`Processes.process_name=devtunnel.exe`), so the fields
 * only BY and the aggregations read (often twenty) are computed for the few it keeps; those
 * few are projected twice, which costs less than projecting every event whole.
 */
function filteredRows(
  dataset: DataModelDataset,
  wanted: FieldNeed,
  where: RowPredicate | undefined,
): FilteredRows {
  const full = dataset.project(wanted, 'prefixed');
  const base = { reads: full.reads, route: full.route };
  if (where === undefined) return { ...base, rowOf: (event) => full.project(event) };
  const test = where.test;
  if (where.reads === 'all') {
    return {
      ...base,
      rowOf(event) {
        const row = full.project(event);
        return row !== undefined && test(row) ? row : undefined;
      },
    };
  }
  const narrow = dataset.project(where.reads, 'prefixed');
  return {
    ...base,
    rowOf(event) {
      const row = narrow.project(event);
      return row !== undefined && test(row) ? full.project(event) : undefined;
    },
  };
}
