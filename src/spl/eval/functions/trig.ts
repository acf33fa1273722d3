// Trig and hyperbolic functions (Search Reference, "Trig and Hyperbolic functions"), in radians.

import type { Scalar } from '../../../core/index.ts';
import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { precisionOf, productPrecision, withFiguresOf } from '../../value/number-precision.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, finite, num, unaryNumeric } from './define.ts';

/** A function of two numbers, its result as precise as the less precise of them. */
function twoNumbers(
  x: EvalValue,
  y: EvalValue,
  f: (a: number, b: number) => number,
): Scalar | undefined {
  const a = num(x);
  const b = num(y);
  if (a === undefined || b === undefined) return undefined;
  const result = finite(f(a, b));
  if (result === undefined) return undefined;
  return withFiguresOf(
    result,
    productPrecision(precisionOf(firstScalar(x)), precisionOf(firstScalar(y))),
  );
}

const atan2Function = defineValueFunction({
  name: 'atan2',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'atan2(Y, X): the arc tangent of Y/X in [-pi, pi], by the quadrant of both',
  apply: ([y, x]) => twoNumbers(y, x, Math.atan2),
});

const hypotFunction = defineValueFunction({
  name: 'hypot',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'hypot(X, Y): the hypotenuse of a right triangle with legs X and Y',
  apply: ([x, y]) => twoNumbers(x, y, Math.hypot),
});

export const trigFunctions: readonly EvalFunctionSpec[] = [
  unaryNumeric('acos', 'acos(X): arc cosine, in [0, pi]', Math.acos, true),
  unaryNumeric('acosh', 'acosh(X): arc hyperbolic cosine', Math.acosh, true),
  unaryNumeric('asin', 'asin(X): arc sine, in [-pi/2, pi/2]', Math.asin, true),
  unaryNumeric('asinh', 'asinh(X): arc hyperbolic sine', Math.asinh, true),
  unaryNumeric('atan', 'atan(X): arc tangent, in [-pi/2, pi/2]', Math.atan, true),
  atan2Function,
  unaryNumeric('atanh', 'atanh(X): arc hyperbolic tangent', Math.atanh, true),
  unaryNumeric('cos', 'cos(X): cosine of X radians', Math.cos, true),
  unaryNumeric('cosh', 'cosh(X): hyperbolic cosine', Math.cosh, true),
  hypotFunction,
  unaryNumeric('sin', 'sin(X): sine of X radians', Math.sin, true),
  unaryNumeric('sinh', 'sinh(X): hyperbolic sine', Math.sinh, true),
  unaryNumeric('tan', 'tan(X): tangent of X radians', Math.tan, true),
  unaryNumeric('tanh', 'tanh(X): hyperbolic tangent', Math.tanh, true),
];
