// Events → the rows of one partition table, written straight into DuckDB data chunks: metadata
// in fixed columns, each field in its own column, and what a text column cannot hold
// (multivalues, numbers, fields past the column limits) in `extra` as JSON, so every value is
// kept exactly as read. The vectors are filled through the C API's bindings (one call per text
// value, times and validity masks built in JavaScript and copied in once per chunk) into one chunk reused for every 2048
// rows: no per-column arrays, no copies per chunk, and a chunk's strings are freed when it is
// reset rather than when the garbage collector gets to a chunk object (bench server: the
// node-api's per-value caches were a fifth of the ingest's main-thread time).
import type { DuckDBAppender } from '@duckdb/node-api';
import { DOUBLE, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { type Event, METADATA_FIELDS } from '../../../core/index.ts';
import { FIXED_COLUMNS, type PartitionInfo } from './catalog.ts';

/** Field columns per partition past which fields go to `extra` (hostile data with endless names). */
export const MAX_PARTITION_COLUMNS = 1000;
/** Distinct field names given a column, across the store. */
export const MAX_FIELD_COLUMNS = 20_000;
/** Longer field names are kept in `extra`. */
export const MAX_COLUMN_FIELD_NAME = 256;

/** DuckDB's vector size: rows per appended data chunk. */
const CHUNK_ROWS = 2048;
/** Positions of the fixed text columns in a chunk (`_time` is 0). */
const HOST = 1;
const SOURCE = 2;
const SOURCETYPE = 3;
const RAW = 4;
const EXTRA = 5;

export interface AppendedRows {
  readonly count: number;
  readonly rawBytes: number;
  readonly minTime: number;
  readonly maxTime: number;
  /** Fields of these rows with a value in `extra`. */
  readonly irregular: ReadonlySet<string>;
}

/** Assigns columns: returns the field columns `events` need that `partition` lacks, in order. */
export function planColumns(
  events: readonly Event[],
  partition: PartitionInfo,
  columnOf: (field: string) => string | undefined,
): string[] {
  const present = new Set(partition.columns);
  const seen = new Set<string>();
  const added: string[] = [];
  for (const event of events) {
    for (const name in event) {
      if (seen.has(name) || typeof event[name] !== 'string' || METADATA_FIELDS.has(name)) continue;
      seen.add(name);
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

/**
 * Appends `events` (already in time order) to a partition with field `columns` (table order,
 * after the fixed ones) through `appender`.
 */
export function appendEvents(
  appender: DuckDBAppender,
  events: readonly Event[],
  columns: readonly string[],
  fieldColumns: ReadonlyMap<string, string>,
): AppendedRows {
  const width = FIXED_COLUMNS.length + columns.length;
  const at = new Map(columns.map((c, i) => [c, FIXED_COLUMNS.length + i]));
  /** Field name → its vector, for the fields with a column in this partition. */
  const vectorOf = new Map<string, number>();
  for (const [field, column] of fieldColumns) {
    const i = at.get(column);
    if (i !== undefined) vectorOf.set(field, i);
  }
  const chunk = DuckDBDataChunk.create([
    DOUBLE,
    ...Array.from({ length: width - 1 }, () => VARCHAR),
  ]);
  const times = new Float64Array(CHUNK_ROWS);
  // One validity mask per text column (64-bit words, little-endian: row r is bit r & 7 of byte r >> 3).
  const masks = Array.from({ length: width }, () => new ArrayBuffer(CHUNK_ROWS / 8));
  const validity = masks.map((buffer) => new Uint8Array(buffer));
  const irregular = new Set<string>();
  let rawBytes = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  try {
    for (let start = 0; start < events.length; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, events.length - start);
      chunk.reset();
      duckdb.data_chunk_set_size(chunk.chunk, rows);
      const vectors: duckdb.Vector[] = [];
      for (let v = 0; v < width; v++) {
        vectors.push(duckdb.data_chunk_get_vector(chunk.chunk, v));
        // Every row null until a value is assigned.
        (validity[v] as Uint8Array).fill(0);
      }
      const put = (v: number, row: number, value: string) => {
        duckdb.vector_assign_string_element(vectors[v] as duckdb.Vector, row, value);
        const mask = validity[v] as Uint8Array;
        mask[row >> 3] = (mask[row >> 3] as number) | (1 << (row & 7));
      };
      for (let row = 0; row < rows; row++) {
        const event = events[start + row] as Event;
        const t = event['_time'] as number;
        times[row] = t;
        if (t < minTime) minTime = t;
        if (t > maxTime) maxTime = t;
        const host = text(event['host']);
        if (host !== null) put(HOST, row, host);
        const source = text(event['source']);
        if (source !== null) put(SOURCE, row, source);
        const sourcetype = text(event['sourcetype']);
        if (sourcetype !== null) put(SOURCETYPE, row, sourcetype);
        const raw = text(event['_raw']);
        if (raw !== null) {
          put(RAW, row, raw);
          rawBytes += Buffer.byteLength(raw);
        }
        let rest: Record<string, unknown> | undefined;
        for (const name in event) {
          const value = event[name];
          if (value === undefined || METADATA_FIELDS.has(name)) continue;
          const v = typeof value === 'string' ? vectorOf.get(name) : undefined;
          if (v !== undefined) put(v, row, value as string);
          else {
            rest ??= {};
            rest[name] = value;
            irregular.add(name);
          }
        }
        if (rest !== undefined) put(EXTRA, row, JSON.stringify(rest));
      }
      const maskBytes = Math.ceil(rows / 64) * 8;
      duckdb.copy_data_to_vector(vectors[0] as duckdb.Vector, 0, times.buffer, 0, rows * 8);
      for (let v = 1; v < width; v++) {
        const vector = vectors[v] as duckdb.Vector;
        duckdb.vector_ensure_validity_writable(vector);
        duckdb.copy_data_to_vector_validity(vector, 0, masks[v] as ArrayBuffer, 0, maskBytes);
      }
      appender.appendDataChunk(chunk);
    }
  } finally {
    // Frees the last rows' strings now; the chunk object itself goes with the garbage collector.
    chunk.reset();
  }
  return { count: events.length, rawBytes, minTime, maxTime, irregular };
}

function text(value: Event[string]): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}
