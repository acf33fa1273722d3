// Events → the columns of one partition table: metadata in fixed columns, each field in its own
// column, and what a text column cannot hold (multivalues, numbers, fields past the column
// limits) in `extra` as JSON, so every value is kept exactly as read.
import { type Event, METADATA_FIELDS } from '../../../core/index.ts';
import type { PartitionInfo } from './catalog.ts';

/** Field columns per partition past which fields go to `extra` (hostile data with endless names). */
export const MAX_PARTITION_COLUMNS = 1000;
/** Distinct field names given a column, across the store. */
export const MAX_FIELD_COLUMNS = 20_000;
/** Longer field names are kept in `extra`. */
export const MAX_COLUMN_FIELD_NAME = 256;

export interface EncodedRows {
  readonly count: number;
  /** Fixed columns then `partition.columns`, each `count` long, in table order. */
  readonly columns: readonly (readonly (string | number | null)[])[];
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
  const added: string[] = [];
  for (const event of events) {
    for (const name of Object.keys(event)) {
      if (METADATA_FIELDS.has(name) || typeof event[name] !== 'string') continue;
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

/** The rows of `events` (already in time order) for a partition with `columns`. */
export function encodeRows(
  events: readonly Event[],
  columns: readonly string[],
  fieldColumns: ReadonlyMap<string, string>,
): EncodedRows {
  const count = events.length;
  const time: number[] = new Array(count);
  const host: (string | null)[] = new Array(count);
  const source: (string | null)[] = new Array(count);
  const sourcetype: (string | null)[] = new Array(count);
  const raw: (string | null)[] = new Array(count);
  const extra: (string | null)[] = new Array(count);
  const position = new Map(columns.map((c, i) => [c, i]));
  const fields: (string | null)[][] = columns.map(() => new Array<string | null>(count).fill(null));
  const irregular = new Set<string>();
  let rawBytes = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const event = events[i] as Event;
    const t = event['_time'] as number;
    time[i] = t;
    if (t < minTime) minTime = t;
    if (t > maxTime) maxTime = t;
    host[i] = text(event['host']);
    source[i] = text(event['source']);
    sourcetype[i] = text(event['sourcetype']);
    const r = text(event['_raw']);
    raw[i] = r;
    if (r !== null) rawBytes += Buffer.byteLength(r);
    let rest: Record<string, unknown> | undefined;
    for (const name of Object.keys(event)) {
      if (METADATA_FIELDS.has(name)) continue;
      const value = event[name];
      if (value === undefined) continue;
      const column = typeof value === 'string' ? fieldColumns.get(name) : undefined;
      const at = column === undefined ? undefined : position.get(column);
      if (at !== undefined) {
        (fields[at] as (string | null)[])[i] = value as string;
      } else {
        rest ??= {};
        rest[name] = value;
        irregular.add(name);
      }
    }
    extra[i] = rest === undefined ? null : JSON.stringify(rest);
  }
  return {
    count,
    columns: [time, host, source, sourcetype, raw, extra, ...fields],
    rawBytes,
    minTime,
    maxTime,
    irregular,
  };
}

function text(value: Event[string]): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}
