// Encoded events → the rows of one partition table, as DuckDB data chunks, with a few native calls
// per chunk instead of one per value. Each batch's bytes are copied once into DuckDB's memory (as
// one BLOB value of a holder chunk, which owns that copy until it is reset); every text value is
// then a `duckdb_string_t` (duckdb.h: 4-byte length, then up to 12 bytes inline, or a 4-byte
// prefix and a pointer) written in JavaScript into a staging buffer, pointing into that copy, and
// copied into its vector in one call per column. `appendDataChunk` copies the strings into the
// appender's own storage (test/server/store/append-encoded.test.ts resets and overwrites the
// holder before flushing), so the holder lives only until the rows are appended. Values a text
// column cannot hold exactly (multivalues, numbers, fields past the column limits) go to `extra`
// as JSON. bench server-hec: one native call per value cost ~7 µs per Sysmon event (35 values).
import type { DuckDBAppender } from '@duckdb/node-api';
import { BLOB, DOUBLE, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { CELL_WIDTH, type EncodedEvents, JSON_CELL, TEXT_CELL } from '../encoded-events.ts';
import { FIXED_COLUMNS } from './catalog.ts';
import type { RowRefs } from './plan-columns.ts';

/** DuckDB's vector size: rows per appended data chunk. */
const CHUNK_ROWS = 2048;
/** Bytes of a duckdb_string_t. */
const STRING_T = 16;
const INLINE = 12;
/** Positions of the fixed text columns in a chunk (`_time` is 0). */
const FIXED_VECTOR: Readonly<Record<string, number>> = {
  host: 1,
  source: 2,
  sourcetype: 3,
  _raw: 4,
};
const RAW = 4;
const EXTRA = 5;
/** A cell's vector: this one goes to `extra`. */
const TO_EXTRA = -1;

export interface AppendedRows {
  readonly count: number;
  readonly rawBytes: number;
  readonly minTime: number;
  readonly maxTime: number;
  /** Fields of these rows with a value in `extra`. */
  readonly irregular: ReadonlySet<string>;
}

/**
 * Appends the rows `refs` (in time order) of `batches` to a partition with field `columns` (table
 * order, after the fixed ones) through `appender`; `fieldColumns` maps field names to columns.
 */
export function appendEncoded(
  appender: DuckDBAppender,
  held: HeldBatches,
  refs: RowRefs,
  columns: readonly string[],
  fieldColumns: ReadonlyMap<string, string>,
): AppendedRows {
  const { batches, base } = held;
  const width = FIXED_COLUMNS.length + columns.length;
  const at = new Map(columns.map((c, i) => [c, FIXED_COLUMNS.length + i]));
  const vectorOfName = batches.map((batch) =>
    Int32Array.from(batch.names, (name) => {
      const fixed = FIXED_VECTOR[name];
      if (fixed !== undefined) return fixed;
      const column = fieldColumns.get(name);
      return (column === undefined ? undefined : at.get(column)) ?? TO_EXTRA;
    }),
  );
  const chunk = DuckDBDataChunk.create([
    DOUBLE,
    ...Array.from({ length: width - 1 }, () => VARCHAR),
  ]);
  const times = new Float64Array(CHUNK_ROWS);
  const staging = Array.from({ length: width }, () => new ArrayBuffer(CHUNK_ROWS * STRING_T));
  const words = staging.map((buffer) => new Uint32Array(buffer));
  const stagingBytes = staging.map((buffer) => new Uint8Array(buffer));
  // One validity mask per column (64-bit words, little-endian: row r is bit r & 7 of byte r >> 3).
  const masks = Array.from({ length: width }, () => new ArrayBuffer(CHUNK_ROWS / 8));
  const validity = masks.map((buffer) => new Uint8Array(buffer));
  const irregular = new Set<string>();
  let rawBytes = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  try {
    const total = refs.batchOf.length;
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, total - start);
      chunk.reset();
      duckdb.data_chunk_set_size(chunk.chunk, rows);
      for (let v = 1; v < width; v++) {
        (words[v] as Uint32Array).fill(0, 0, rows * 4);
        (validity[v] as Uint8Array).fill(0);
      }
      const extraVector = duckdb.data_chunk_get_vector(chunk.chunk, EXTRA);
      for (let row = 0; row < rows; row++) {
        const b = refs.batchOf[start + row] as number;
        const i = refs.rowOf[start + row] as number;
        const batch = batches[b] as EncodedEvents;
        const t = batch.times[i] as number;
        times[row] = t;
        if (t < minTime) minTime = t;
        if (t > maxTime) maxTime = t;
        const { cells, bytes } = batch;
        const vectorOf = vectorOfName[b] as Int32Array;
        const baseLow = base[b * 2] as number;
        const baseHigh = base[b * 2 + 1] as number;
        let rest: Record<string, unknown> | undefined;
        const end = batch.firstCell[i + 1] as number;
        for (let c = batch.firstCell[i] as number; c < end; c++) {
          const cell = c * CELL_WIDTH;
          const v = vectorOf[cells[cell] as number] as number;
          const from = cells[cell + 1] as number;
          const to = cells[cell + 2] as number;
          if (v === TO_EXTRA || cells[cell + 3] === JSON_CELL) {
            const name = batch.names[cells[cell] as number] as string;
            const text = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString(
              'utf8',
            );
            rest ??= {};
            rest[name] = cells[cell + 3] === TEXT_CELL ? text : JSON.parse(text);
            irregular.add(name);
            continue;
          }
          if (v === RAW) rawBytes += to - from;
          const length = to - from;
          const word = row * 4;
          const w = words[v] as Uint32Array;
          const s = stagingBytes[v] as Uint8Array;
          w[word] = length;
          const inline = length <= INLINE ? length : 4;
          for (let k = 0; k < inline; k++) s[row * STRING_T + 4 + k] = bytes[from + k] as number;
          if (length > INLINE) {
            const low = baseLow + from;
            w[word + 2] = low >>> 0;
            w[word + 3] = baseHigh + (low > 0xffffffff ? 1 : 0);
          }
          const mask = validity[v] as Uint8Array;
          mask[row >> 3] = (mask[row >> 3] as number) | (1 << (row & 7));
        }
        if (rest !== undefined) {
          duckdb.vector_assign_string_element(extraVector, row, JSON.stringify(rest));
          const mask = validity[EXTRA] as Uint8Array;
          mask[row >> 3] = (mask[row >> 3] as number) | (1 << (row & 7));
        }
      }
      const maskBytes = Math.ceil(rows / 64) * 8;
      const timeVector = duckdb.data_chunk_get_vector(chunk.chunk, 0);
      duckdb.copy_data_to_vector(timeVector, 0, times.buffer, 0, rows * 8);
      for (let v = 1; v < width; v++) {
        const vector = v === EXTRA ? extraVector : duckdb.data_chunk_get_vector(chunk.chunk, v);
        if (v !== EXTRA) {
          duckdb.copy_data_to_vector(vector, 0, staging[v] as ArrayBuffer, 0, rows * STRING_T);
        }
        duckdb.vector_ensure_validity_writable(vector);
        duckdb.copy_data_to_vector_validity(vector, 0, masks[v] as ArrayBuffer, 0, maskBytes);
      }
      appender.appendDataChunk(chunk);
    }
  } finally {
    // Frees the last rows' strings now; the chunk object itself goes with the garbage collector.
    chunk.reset();
  }
  return { count: refs.batchOf.length, rawBytes, minTime, maxTime, irregular };
}

/**
 * The bytes of a write's batches copied into DuckDB's memory (one BLOB value per batch, in holder
 * chunks) and where each copy is: per batch, the low and high 32 bits of its address. Each batch
 * is copied once per write, however many partitions its events fall in. A batch of 12 bytes or
 * fewer is kept inline by DuckDB and never pointed at: each of its values is that short too.
 */
export class HeldBatches {
  readonly batches: readonly EncodedEvents[];
  readonly base: Uint32Array;
  private readonly holders: DuckDBDataChunk[] = [];

  constructor(batches: readonly EncodedEvents[]) {
    this.batches = batches;
    this.base = new Uint32Array(batches.length * 2);
    try {
      for (let first = 0; first < batches.length; first += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, batches.length - first);
        const holder = DuckDBDataChunk.create([BLOB]);
        this.holders.push(holder);
        duckdb.data_chunk_set_size(holder.chunk, count);
        const vector = duckdb.data_chunk_get_vector(holder.chunk, 0);
        for (let k = 0; k < count; k++) {
          duckdb.vector_assign_string_element_len(
            vector,
            k,
            (batches[first + k] as EncodedEvents).bytes,
          );
        }
        const strings = duckdb.vector_get_data(vector, count * STRING_T);
        const view = new Uint32Array(
          strings.buffer.slice(strings.byteOffset, strings.byteOffset + count * STRING_T),
        );
        for (let k = 0; k < count; k++) {
          this.base[(first + k) * 2] = view[k * 4 + 2] as number;
          this.base[(first + k) * 2 + 1] = view[k * 4 + 3] as number;
        }
      }
    } catch (error) {
      this.release();
      throw error;
    }
  }

  /** Frees the copies: only once every appender using them has appended its chunks. */
  release(): void {
    for (const holder of this.holders) holder.reset();
    this.holders.length = 0;
  }
}
