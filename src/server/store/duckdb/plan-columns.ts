// Which columns a partition's rows need: each text field of the rows gets a column (`f_<n>`) in
// the partition, up to the limits; what is past them is kept in `extra` (append-encoded.ts).
import { METADATA_FIELDS } from '../../../core/index.ts';
import { CELL_WIDTH, type EncodedEvents, TEXT_CELL } from '../encoded-events.ts';
import type { PartitionInfo } from './catalog.ts';

/** Field columns per partition past which fields go to `extra` (hostile data with endless names). */
export const MAX_PARTITION_COLUMNS = 1000;
/** Distinct field names given a column, across the store. */
export const MAX_FIELD_COLUMNS = 20_000;
/** Longer field names are kept in `extra`. */
export const MAX_COLUMN_FIELD_NAME = 256;

/** Rows of a write: batch `batchOf[k]`, row `rowOf[k]`. */
export interface RowRefs {
  readonly batchOf: Int32Array;
  readonly rowOf: Int32Array;
}

/** Assigns columns: returns the field columns the rows need that `partition` lacks, in order. */
export function planColumns(
  batches: readonly EncodedEvents[],
  refs: RowRefs,
  partition: PartitionInfo,
  columnOf: (field: string) => string | undefined,
): string[] {
  const present = new Set(partition.columns);
  const seen = batches.map((batch) => new Uint8Array(batch.names.length));
  const added: string[] = [];
  for (let k = 0; k < refs.batchOf.length; k++) {
    const b = refs.batchOf[k] as number;
    const i = refs.rowOf[k] as number;
    const batch = batches[b] as EncodedEvents;
    const done = seen[b] as Uint8Array;
    for (let c = batch.firstCell[i] as number; c < (batch.firstCell[i + 1] as number); c++) {
      const at = c * CELL_WIDTH;
      const nameId = batch.cells[at] as number;
      if (done[nameId] === 1 || batch.cells[at + 3] !== TEXT_CELL) continue;
      done[nameId] = 1;
      const name = batch.names[nameId] as string;
      if (METADATA_FIELDS.has(name)) continue;
      if (present.size >= MAX_PARTITION_COLUMNS) return added;
      const column = columnOf(name);
      if (column !== undefined && !present.has(column)) {
        present.add(column);
        added.push(column);
      }
    }
  }
  return added;
}
