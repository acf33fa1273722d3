// Arithmetic and concatenation operators with Splunk's null propagation.

import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { concatCapped } from '../../value/value-limits.ts';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

function operandNumber(value: EvalValue): number | undefined {
  return scalarToNumber(firstScalar(value));
}

/**
 * `+` adds when both sides are numbers (numeric-looking strings count), concatenates when both
 * are strings, and is null otherwise ("with the exception of addition, arithmetic operations
 * might not produce valid results if the values are not numerical", Search Reference, eval).
 */
export function add(left: EvalValue, right: EvalValue): EvalValue {
  const a = firstScalar(left);
  const b = firstScalar(right);
  if (a === undefined || b === undefined) return undefined;
  const x = scalarToNumber(a);
  const y = scalarToNumber(b);
  if (x !== undefined && y !== undefined) return x + y;
  if (typeof a === 'string' && typeof b === 'string') return concatCapped(a, b);
  return undefined;
}

/** `- * / %`: numbers only; null when a side is null or not numeric, or on division by 0. */
export function arithmetic(
  op: Exclude<ArithmeticOperator, '+'>,
  left: EvalValue,
  right: EvalValue,
): EvalValue {
  const x = operandNumber(left);
  if (x === undefined) return undefined;
  const y = operandNumber(right);
  if (y === undefined) return undefined;
  switch (op) {
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? undefined : x / y;
    case '%':
      return y === 0 ? undefined : x % y;
  }
}

/** `.`: both sides as text; null if either side is null (Splunk drops the whole result). */
export function concat(left: EvalValue, right: EvalValue): EvalValue {
  const a = firstScalar(left);
  if (a === undefined) return undefined;
  const b = firstScalar(right);
  if (b === undefined) return undefined;
  return concatCapped(scalarToString(a), scalarToString(b));
}

/** Unary minus and plus: numbers only. */
export function negate(value: EvalValue): EvalValue {
  const x = operandNumber(value);
  return x === undefined ? undefined : -x;
}

export function unaryPlus(value: EvalValue): EvalValue {
  return operandNumber(value);
}
