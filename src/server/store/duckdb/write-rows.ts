// A write's rows on their way to the stage (staged-writes.ts): its events as encoded batches
// (encoded-events.ts), grouped by partition, put in time order, and the columns of new fields.

import { type EncodedEvents, encodeEvents } from '../encoded-events.ts';
import type { IndexWrite } from '../event-store.ts';
import type { Catalog } from './catalog.ts';
import { partitionStart, partitionTable } from './partition-key.ts';
import { MAX_COLUMN_FIELD_NAME, MAX_FIELD_COLUMNS, type RowRefs } from './plan-columns.ts';

/**
 * Gives each new field name a column (`f_<n>`, shared by every partition) and remembers those not
 * committed yet, which the next commit records in `store_fields`.
 */
export class FieldAssigner {
  private readonly assigned = new Map<string, string>();
  private uncommitted = new Map<string, string>();
  private next: number;

  private readonly catalog: Catalog;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
    this.next = catalog.fieldColumns.size + 1;
  }

  columnOf(field: string): string | undefined {
    const known = this.catalog.fieldColumns.get(field) ?? this.assigned.get(field);
    if (known !== undefined) return known;
    if (field.length > MAX_COLUMN_FIELD_NAME) return undefined;
    if (this.next > MAX_FIELD_COLUMNS) return undefined;
    const column = `f_${this.next++}`;
    this.assigned.set(field, column);
    this.uncommitted.set(field, column);
    return column;
  }

  /** Every field's column: committed and assigned. */
  all(): ReadonlyMap<string, string> {
    for (const field of this.assigned.keys()) {
      if (this.catalog.fieldColumns.has(field)) this.assigned.delete(field);
    }
    return this.assigned.size === 0
      ? this.catalog.fieldColumns
      : new Map([...this.catalog.fieldColumns, ...this.assigned]);
  }

  /** The assignments a commit must record (given back with `putBack` if it fails). */
  takeNew(): ReadonlyMap<string, string> {
    const taken = this.uncommitted;
    this.uncommitted = new Map();
    return taken;
  }

  putBack(fields: ReadonlyMap<string, string>): void {
    for (const [field, column] of fields) this.uncommitted.set(field, column);
  }
}

interface PartitionGroup {
  readonly index: string;
  readonly start: number;
  readonly refs: { batchOf: number[]; rowOf: number[] };
}

/** The write's encoded batches, its plain events encoded as one more. */
export function writeBatches(write: IndexWrite): EncodedEvents[] {
  const batches = (write.encoded ?? []).filter((b) => b.count > 0);
  if (write.events.length > 0) batches.push(encodeEvents(write.events));
  return batches;
}

export function groupByPartition(
  batches: readonly EncodedEvents[],
  partitionSeconds: number,
): Map<string, { index: string; start: number; refs: RowRefs }> {
  const groups = new Map<string, PartitionGroup>();
  batches.forEach((batch, b) => {
    for (let i = 0; i < batch.count; i++) {
      const index = batch.indexNames[batch.indexIds[i] as number] as string;
      const start = partitionStart(batch.times[i] as number, partitionSeconds);
      const table = partitionTable(index, start);
      let group = groups.get(table);
      if (group === undefined) {
        group = { index, start, refs: { batchOf: [], rowOf: [] } };
        groups.set(table, group);
      }
      group.refs.batchOf.push(b);
      group.refs.rowOf.push(i);
    }
  });
  return new Map(
    [...groups].map(([table, g]) => [
      table,
      {
        index: g.index,
        start: g.start,
        refs: { batchOf: Int32Array.from(g.refs.batchOf), rowOf: Int32Array.from(g.refs.rowOf) },
      },
    ]),
  );
}

/** The rows sorted by `_time` (stable: rows of equal time keep their arrival order). */
export function inTimeOrder(batches: readonly EncodedEvents[], refs: RowRefs): RowRefs {
  const n = refs.batchOf.length;
  const keys = new Float64Array(n);
  let sorted = true;
  for (let k = 0; k < n; k++) {
    keys[k] = (batches[refs.batchOf[k] as number] as EncodedEvents).times[
      refs.rowOf[k] as number
    ] as number;
    if (k > 0 && (keys[k] as number) < (keys[k - 1] as number)) sorted = false;
  }
  if (sorted) return refs;
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
  );
  return {
    batchOf: Int32Array.from(order, (k) => refs.batchOf[k] as number),
    rowOf: Int32Array.from(order, (k) => refs.rowOf[k] as number),
  };
}
