// `x IN (a, b, ...)` and in(x, a, b, ...): true when any value of x equals any listed value.
import type { Event, Scalar } from '../../../core/index.ts';
import { compareScalars } from '../../value/compare.ts';
import type { EvalValue } from '../../value/eval-value.ts';
import type { Evaluator } from '../eval-types.ts';

function scalarsOf(value: EvalValue): readonly Scalar[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return typeof value === 'object' ? value : [value];
}

/** False (not null) when x is null: in() is a test, like isnull(). Case-sensitive, exact. */
export function isIn(value: EvalValue, candidates: readonly Evaluator[], event: Event): boolean {
  const own = scalarsOf(value);
  if (own.length === 0) return false;
  for (const candidate of candidates) {
    for (const listed of scalarsOf(candidate(event))) {
      for (const item of own) if (compareScalars(item, listed) === 0) return true;
    }
  }
  return false;
}
