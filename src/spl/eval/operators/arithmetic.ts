// Arithmetic and concatenation operators with Splunk's null propagation.

import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { arithmeticNumber, scalarToString } from '../../value/number.ts';
import {
  precisionOf,
  productPrecision,
  sumPrecision,
  withFigures,
  withPlaces,
} from '../../value/number-precision.ts';
import { concatCapped } from '../../value/value-limits.ts';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

function operandNumber(value: EvalValue): number | undefined {
  return arithmeticNumber(firstScalar(value));
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
  const x = arithmeticNumber(a);
  const y = arithmeticNumber(b);
  if (x !== undefined && y !== undefined) {
    if (a === 'NaN' || b === 'NaN') return 'NaN';
    const precision = sumPrecision(precisionOf(a), precisionOf(b));
    return precision === undefined ? x + y : withPlaces(x + y, precision.places);
  }
  if (typeof a === 'string' && typeof b === 'string') return concatCapped(a, b);
  return undefined;
}

/**
 * `+` where a side is a string by type (a literal, a string function's result): both sides
 * must be text to concatenate; a computed number on the other side makes it null.
 */
export function addStrings(left: EvalValue, right: EvalValue): EvalValue {
  const a = firstScalar(left);
  const b = firstScalar(right);
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  return concatCapped(a, b);
}

/** `- * / %`: numbers only; null when a side is null or not numeric, or on division by 0. */
export function arithmetic(
  op: Exclude<ArithmeticOperator, '+'>,
  left: EvalValue,
  right: EvalValue,
): EvalValue {
  const a = firstScalar(left);
  const x = arithmeticNumber(a);
  if (x === undefined) return undefined;
  const b = firstScalar(right);
  const y = arithmeticNumber(b);
  if (y === undefined) return undefined;
  // A "NaN" field stays the text NaN through arithmetic (Search Reference, isnum: "NaN" % 1 is
  // shown as NaN), where other NaN results print as nan.
  if (a === 'NaN' || b === 'NaN') return 'NaN';
  // Results keep the precision of the least precise operand (Search Reference, eval, "Rounding").
  switch (op) {
    case '-': {
      const precision = sumPrecision(precisionOf(a), precisionOf(b));
      return precision === undefined ? x - y : withPlaces(x - y, precision.places);
    }
    case '*':
    case '/': {
      if (op === '/' && y === 0) return undefined;
      const result = op === '*' ? x * y : x / y;
      const precision = productPrecision(precisionOf(a), precisionOf(b));
      return precision === undefined ? result : withFigures(result, precision.figures);
    }
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

/** Unary minus and plus: numbers only; a number's written digits stay ("-0.50"). */
export function negate(value: EvalValue): EvalValue {
  const a = firstScalar(value);
  const x = arithmeticNumber(a);
  if (x === undefined) return undefined;
  const precision = precisionOf(a);
  return precision === undefined ? -x : withFigures(-x, precision.figures);
}

export function unaryPlus(value: EvalValue): EvalValue {
  return operandNumber(value);
}
