// Eval's min(...) and max(...): numbers order numerically and below strings, which order as text.
import type { Scalar } from '../../../core/index.ts';
import { compareForSort } from '../../value/compare.ts';
import type { EvalValue } from '../../value/eval-value.ts';
import { defineValueFunction } from './define.ts';

/**
 * "If the values are a mix of strings and numbers, strings are greater than numbers" (Search
 * Reference, Comparison and Conditional functions: max/min). Multivalue arguments contribute
 * every value; nulls are skipped.
 */
function extreme(args: readonly EvalValue[], sign: 1 | -1): Scalar | undefined {
  let best: Scalar | undefined;
  const consider = (v: Scalar) => {
    if (best === undefined || sign * compareForSort(v, best) > 0) best = v;
  };
  for (const arg of args) {
    if (arg === undefined || typeof arg === 'boolean') continue;
    if (typeof arg === 'object') for (const v of arg) consider(v);
    else consider(arg);
  }
  return best;
}

export const maxFunction = defineValueFunction({
  name: 'max',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  summary: 'max(X, ...): the largest value; strings are greater than numbers',
  apply: (args) => extreme(args, 1),
});

export const minFunction = defineValueFunction({
  name: 'min',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  summary: 'min(X, ...): the smallest value; numbers are smaller than strings',
  apply: (args) => extreme(args, -1),
});
