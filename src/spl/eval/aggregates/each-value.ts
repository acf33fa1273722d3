// Visits every value of an aggregate's input: a multivalue contributes each of its values.
import type { MaybeValue, Scalar } from '../../../core/index.ts';
import { scalarToNumber } from '../../value/number.ts';

export function forEachValue(value: MaybeValue, visit: (v: Scalar) => void): void {
  if (value === undefined) return;
  if (typeof value === 'object') for (const v of value) visit(v);
  else visit(value);
}

/** Visits the numeric values only; stats numeric functions skip values that are not numbers. */
export function forEachNumber(value: MaybeValue, visit: (n: number) => void): void {
  forEachValue(value, (v) => {
    const n = scalarToNumber(v);
    if (n !== undefined) visit(n);
  });
}
