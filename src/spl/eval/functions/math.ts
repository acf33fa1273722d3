// Math functions: abs, ceil/ceiling, floor, round, sqrt, pow, exp, ln, log, pi, exact, random.

import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, finite, num, unaryNumeric as unary } from './define.ts';

export const absFunction = unary('abs', 'abs(X): absolute value', Math.abs, true);
export const ceilFunction = unary('ceil', 'ceil(X): smallest integer ≥ X', Math.ceil);
export const ceilingFunction = unary('ceiling', 'ceiling(X): smallest integer ≥ X', Math.ceil);
export const floorFunction = unary('floor', 'floor(X): largest integer ≤ X', Math.floor);
export const sqrtFunction = unary(
  'sqrt',
  'sqrt(X): square root; null for negative X',
  Math.sqrt,
  true,
);
export const expFunction = unary('exp', 'exp(X): e to the power X', Math.exp, true);
export const lnFunction = unary(
  'ln',
  'ln(X): natural logarithm',
  (x) => (x > 0 ? Math.log(x) : Number.NaN),
  true,
);
export const exactFunction = unary('exact', 'exact(X): X computed with full precision', (x) => x);

/** Half away from zero, as C's round(): round(2.5) = 3, round(-2.5) = -3. */
function roundHalfAway(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  // Nudges values such as 1.005*100 = 100.49999999999999 back to the decimal they spell.
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * rounded) / factor;
}

export const roundFunction = defineValueFunction({
  name: 'round',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  summary: 'round(X[, digits]): X rounded half away from zero',
  apply: ([x, y]) => {
    const n = num(x);
    if (n === undefined) return undefined;
    const digits = y === undefined ? 0 : num(y);
    if (digits === undefined) return undefined;
    return roundHalfAway(n, Math.trunc(digits));
  },
});

export const powFunction = defineValueFunction({
  name: 'pow',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'pow(X, Y): X to the power Y',
  apply: ([x, y]) => {
    const a = num(x);
    const b = num(y);
    return a === undefined || b === undefined ? undefined : finite(a ** b);
  },
});

export const logFunction = defineValueFunction({
  name: 'log',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  summary: 'log(X[, base]): logarithm, base 10 by default',
  apply: ([x, b]) => {
    const n = num(x);
    const base = b === undefined ? 10 : num(b);
    if (n === undefined || base === undefined || n <= 0 || base <= 0 || base === 1)
      return undefined;
    return finite(Math.log(n) / Math.log(base));
  },
});

/** "returns the constant pi to 11 digits of precision" (Search Reference, Mathematical functions). */
const PI_11_DIGITS = (Math.trunc(Math.PI * 1e11) / 1e11).toFixed(11); // "3.14159265358"

export const piFunction = defineValueFunction({
  name: 'pi',
  minArgs: 0,
  maxArgs: 0,
  returns: 'number',
  summary: 'pi(): 3.14159265358, pi to 11 digits',
  apply: () => PI_11_DIGITS,
});

/** random(): an integer from 0 to 2^31-1 (Search Reference, Mathematical functions). */
export const randomFunction: EvalFunctionSpec = {
  name: 'random',
  minArgs: 0,
  maxArgs: 0,
  returns: 'number',
  pure: false,
  summary: 'random(): a pseudo-random integer from 0 to 2147483647',
  compile: (site) => {
    const random = site.random;
    return () => Math.floor(random() * 2147483648);
  },
};
