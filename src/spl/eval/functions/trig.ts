// Trig and hyperbolic functions (Search Reference, "Trig and Hyperbolic functions"), in radians.
import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, finite, num, unaryNumeric } from './define.ts';

const atan2Function = defineValueFunction({
  name: 'atan2',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'atan2(Y, X): the arc tangent of Y/X in [-pi, pi], by the quadrant of both',
  apply: ([y, x]) => {
    const a = num(y);
    const b = num(x);
    return a === undefined || b === undefined ? undefined : finite(Math.atan2(a, b));
  },
});

const hypotFunction = defineValueFunction({
  name: 'hypot',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'hypot(X, Y): the hypotenuse of a right triangle with legs X and Y',
  apply: ([x, y]) => {
    const a = num(x);
    const b = num(y);
    return a === undefined || b === undefined ? undefined : finite(Math.hypot(a, b));
  },
});

export const trigFunctions: readonly EvalFunctionSpec[] = [
  unaryNumeric('acos', 'acos(X): arc cosine, in [0, pi]', Math.acos),
  unaryNumeric('acosh', 'acosh(X): arc hyperbolic cosine', Math.acosh),
  unaryNumeric('asin', 'asin(X): arc sine, in [-pi/2, pi/2]', Math.asin),
  unaryNumeric('asinh', 'asinh(X): arc hyperbolic sine', Math.asinh),
  unaryNumeric('atan', 'atan(X): arc tangent, in [-pi/2, pi/2]', Math.atan),
  atan2Function,
  unaryNumeric('atanh', 'atanh(X): arc hyperbolic tangent', Math.atanh),
  unaryNumeric('cos', 'cos(X): cosine of X radians', Math.cos),
  unaryNumeric('cosh', 'cosh(X): hyperbolic cosine', Math.cosh),
  hypotFunction,
  unaryNumeric('sin', 'sin(X): sine of X radians', Math.sin),
  unaryNumeric('sinh', 'sinh(X): hyperbolic sine', Math.sinh),
  unaryNumeric('tan', 'tan(X): tangent of X radians', Math.tan),
  unaryNumeric('tanh', 'tanh(X): hyperbolic tangent', Math.tanh),
];
