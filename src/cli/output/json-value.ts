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
