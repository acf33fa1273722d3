// Comparison operators: numeric or textual (value/compare.ts), any-value over multivalues, null in, null out.
import type { Scalar } from '../../../core/index.ts';
import { compareScalars } from '../../value/compare.ts';
import type { EvalValue } from '../../value/eval-value.ts';

export type ComparisonOperator = '=' | '==' | '!=' | '<' | '<=' | '>' | '>=';

function holds(op: Exclude<ComparisonOperator, '!='>, order: number): boolean {
  switch (op) {
    case '=':
    case '==':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function someValue(value: Scalar | readonly Scalar[], test: (x: Scalar) => boolean): boolean {
  if (typeof value !== 'object') return test(value);
  for (const item of value) if (test(item)) return true;
  return false;
}

/**
 * `left op right`. Null on either side gives null. A multivalue side matches when any of its
 * values does; `!=` is the negation of `=` (true only when no value is equal). Booleans compare
 * only with booleans.
 */
export function compare(op: ComparisonOperator, left: EvalValue, right: EvalValue): EvalValue {
  if (left === undefined || right === undefined) return undefined;
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    if (typeof left !== 'boolean' || typeof right !== 'boolean') return undefined;
    if (op === '=' || op === '==') return left === right;
    if (op === '!=') return left !== right;
    return undefined;
  }
  if (op === '!=')
    return !someValue(left, (a) => someValue(right, (b) => compareScalars(a, b) === 0));
  return someValue(left, (a) => someValue(right, (b) => holds(op, compareScalars(a, b))));
}
