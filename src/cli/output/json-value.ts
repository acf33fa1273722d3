// A result row as a JSON object: visible fields only, `_time` as a timestamp, multivalues as arrays.
import type { Event } from '../../core/event.ts';
import { formatScalar } from './format-value.ts';
import { isShown } from './result-columns.ts';

export function rowToJson(row: Event): Record<string, string | number | (string | number)[]> {
  const out: Record<string, string | number | (string | number)[]> = {};
  for (const key in row) {
    const value = row[key];
    if (value === undefined || !isShown(key)) continue;
    if (Array.isArray(value)) {
      out[key] = value.map((v: string | number) => (key === '_time' ? formatScalar(key, v) : v));
    } else if (key === '_time') {
      out[key] = formatScalar(key, value as string | number);
    } else {
      out[key] = value as string | number;
    }
  }
  return out;
}
