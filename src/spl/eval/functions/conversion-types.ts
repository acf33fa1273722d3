// tobool, todouble, toint (Search Reference, "Conversion functions").
import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber } from '../../value/number.ts';
import { asDouble } from '../../value/number-precision.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { parseInBase } from './conversion.ts';
import { defineValueFunction } from './define.ts';

/** tonumber(X, base) as the conversions use it: null for bases outside 2..36 and for bad text. */
function numberIn(x: ReturnType<typeof firstScalar>, base: number | undefined): number | undefined {
  if (x === undefined) return undefined;
  if (typeof x === 'number') return x;
  if (base === undefined || !Number.isInteger(base) || base < 2 || base > 36) return undefined;
  return base === 10 ? scalarToNumber(x) : parseInBase(x, base);
}

const toboolFunction = defineValueFunction({
  name: 'tobool',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary:
    'tobool(X): true for "true"/"True" and non-zero numbers, false for "false"/"False" and 0',
  apply: ([x]) => {
    if (typeof x === 'boolean') return x;
    const v = firstScalar(x);
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    const n = scalarToNumber(v);
    return n === undefined ? undefined : n !== 0;
  },
});

/** The number X, text read in base `b` (default 10). */
function numberInBase(x: EvalValue, b: EvalValue): number | undefined {
  return numberIn(firstScalar(x), b === undefined ? 10 : scalarToNumber(firstScalar(b)));
}

const todoubleFunction = defineValueFunction({
  name: 'todouble',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  summary: 'todouble(X[, base]): X as a double (5 becomes 5.0), text read in base 2..36',
  apply: ([x, b]) => {
    const n = numberInBase(x, b);
    return n === undefined ? undefined : asDouble(n);
  },
});

const tointFunction = defineValueFunction({
  name: 'toint',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  summary: 'toint(X[, base]): X as a whole number, rounded down',
  apply: ([x, b]) => {
    const n = numberInBase(x, b);
    return n === undefined ? undefined : Math.floor(n);
  },
});

export const conversionTypeFunctions: readonly EvalFunctionSpec[] = [
  toboolFunction,
  todoubleFunction,
  tointFunction,
];
