// A result row as a JSON object: visible fields only, `_time` as a timestamp, multivalues as arrays.
import { type Event, writeField } from '../../core/index.ts';
import { formatScalar, isShown } from '../../engine/index.ts';

export type JsonRow = Record<string, string | number | (string | number)[]>;

export function rowToJson(row: Event): JsonRow {
  const out: JsonRow = {};
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value === undefined || !isShown(key)) continue;
    if (Array.isArray(value)) {
      writeField(
        out,
        key,
        value.map((v: string | number) => (key === '_time' ? formatScalar(key, v) : v)),
      );
    } else if (key === '_time') {
      writeField(out, key, formatScalar(key, value as string | number));
    } else {
      writeField(out, key, value as string | number);
    }
  }
  return out;
}

/**
 * `JSON.stringify(rowToJson(row))`, at the cost of one `JSON.stringify(row)` for the rows readers
 * and searches make: every field shown, `_time` first (a number, or absent). Hunts write tens of
 * thousands of findings a second this way; other rows take `rowToJson`.
 */
export function rowJsonText(row: Event): string {
  let position = 0;
  for (const key in row) {
    if (key.charCodeAt(0) === 95 && (key !== '_time' || position !== 0) && key !== '_raw')
      return JSON.stringify(rowToJson(row));
    position++;
  }
  const time = row['_time'];
  if (time === undefined) return JSON.stringify(row);
  if (typeof time !== 'number') return JSON.stringify(rowToJson(row));
  const text = JSON.stringify(row);
  // The number as JSON.stringify wrote it, replaced by its timestamp.
  const prefix = `{"_time":${JSON.stringify(time)}`;
  if (!text.startsWith(prefix)) return JSON.stringify(rowToJson(row));
  return `{"_time":${JSON.stringify(formatScalar('_time', time))}${text.slice(prefix.length)}`;
}
