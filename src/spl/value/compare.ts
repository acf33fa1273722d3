// Ordering and equality of scalars: numeric when both sides are numbers, else by text.
import type { Scalar } from '../../core/index.ts';
import { scalarToNumber, scalarToString } from './number.ts';

/**
 * Eval/where comparison: numerically when both sides are numbers or numeric-looking strings,
 * otherwise as case-sensitive strings in code-unit order (Splunk: "Lexicographical order",
 * Search Manual; eval expressions are case-sensitive, Search Reference "where").
 * Returns <0, 0 or >0.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = scalarToNumber(a);
  if (x !== undefined) {
    const y = scalarToNumber(b);
    if (y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareText(scalarToString(a), scalarToString(b));
}

/** Code-unit order, the order of UTF-8 bytes for every BMP text. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The collating order of `sort`, `min`/`max` over mixed values, `values()` is NOT this (see
 * aggregates/values.ts): numbers (and numeric-looking strings) first in numeric order, then
 * the other strings lexicographically (Search Reference, sort: "If the field takes on numeric
 * values, the collating sequence is numeric ... Otherwise ... lexicographical order").
 */
export function compareForSort(a: Scalar, b: Scalar): number {
  const x = scalarToNumber(a);
  const y = scalarToNumber(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  return compareText(scalarToString(a), scalarToString(b));
}
