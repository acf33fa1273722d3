// The dataset rows that pass tstats' WHERE: the clause's few fields first, every wanted field only for rows it keeps.
import type { Event } from '../../core/event.ts';
import type { RouteFilter } from '../plan/route-filter.ts';
import type { FieldNeed } from './field-need.ts';
import type { RowPredicate } from './search-predicate.ts';
import type { DataModelDataset } from './tstats-data-model.ts';

export interface FilteredRows {
  /** The event fields read (membership, WHERE, BY and the aggregations). */
  readonly reads: FieldNeed;
  readonly route: RouteFilter;
  /** The event's row with every wanted field, or undefined when it is not in the dataset or WHERE drops it. */
  rowOf(event: Event): Event | undefined;
}

/**
 * Most events of a dataset fail WHERE (`Processes.process_name=devtunnel.exe`), so the fields
 * only BY and the aggregations read (often twenty) are computed for the few it keeps; those
 * few are projected twice, which costs less than projecting every event whole.
 */
export function filteredRows(
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
