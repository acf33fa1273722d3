// What held rows and values cost in memory, estimated cheaply for memory budgets. Calibrated on
// V8 (Node 20): a typical 10-field event row measures about 450 bytes of heap and is estimated at
// about 600, so a budget errs on the safe side. One-byte strings are counted at a byte per
// character (most log text); an object property at 16 bytes and an object at 64.
import type { SharedEvent } from './event.ts';
import type { MaybeValue } from './value.ts';

/** Estimated heap bytes of one value. */
export function valueBytes(value: MaybeValue | boolean | null): number {
  if (typeof value === 'string') return 24 + value.length;
  if (Array.isArray(value)) {
    let n = 32;
    for (const v of value) n += typeof v === 'string' ? 24 + v.length : 16;
    return n;
  }
  return 16;
}

/** Estimated heap bytes of one row (its property names are shared with other rows). */
export function rowBytes(row: SharedEvent): number {
  let n = 64;
  for (const key in row) n += 16 + valueBytes(row[key]);
  return n;
}
