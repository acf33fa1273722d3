// Type and null tests: isnull, isnotnull, isnum, isint, isstr, isbool, typeof.
import type { EvalValue } from '../../value/eval-value.ts';
import { scalarToNumber } from '../../value/number.ts';
import type { CallSite, EvalFunctionSpec, Evaluator } from '../eval-types.ts';
import { defineValueFunction } from './define.ts';

type ValueKind = 'Number' | 'String' | 'Bool' | 'Invalid' | 'Multivalue';

/**
 * Splunk's typeof(): `typeof(12) . typeof("s") . typeof(1==2) . typeof(nofield)` is
 * "NumberStringBoolInvalid" (Search Reference, Informational functions). A field value that
 * looks numeric is a Number (fields are typed by content); a string literal or a string
 * function's result stays a String.
 */
function kindOf(value: EvalValue, literalString: boolean): ValueKind {
  if (value === undefined) return 'Invalid';
  if (typeof value === 'boolean') return 'Bool';
  if (typeof value === 'object') return 'Multivalue';
  if (typeof value === 'number') return 'Number';
  if (literalString) return 'String';
  return scalarToNumber(value) === undefined ? 'String' : 'Number';
}

function kindTest(
  name: string,
  summary: string,
  test: (kind: ValueKind, value: EvalValue, literal: boolean) => boolean,
): EvalFunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    pure: true,
    summary,
    compile: (site: CallSite): Evaluator => {
      const arg = site.args[0];
      if (!arg) throw new Error(`${name}: missing argument`);
      const literal = arg.type === 'string';
      const f = arg.evaluate;
      return (e) => {
        const value = f(e);
        return test(kindOf(value, literal), value, literal);
      };
    },
  };
}

export const isnullFunction = defineValueFunction({
  name: 'isnull',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'isnull(X): true when X is null',
  apply: ([x]) => x === undefined,
});

export const isnotnullFunction = defineValueFunction({
  name: 'isnotnull',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'isnotnull(X): true when X is not null',
  apply: ([x]) => x !== undefined,
});

/** NaN, from a field's "NaN" or from arithmetic on it, is both a number and a string. */
function isNaNValue(value: EvalValue, literal: boolean): boolean {
  return (typeof value === 'number' && Number.isNaN(value)) || (value === 'NaN' && !literal);
}

export const isnumFunction = kindTest(
  'isnum',
  'isnum(X): true when X is a number',
  (k, value, literal) => k === 'Number' || isNaNValue(value, literal),
);
export const isstrFunction = kindTest(
  'isstr',
  'isstr(X): true when X is a string',
  (k, value) => k === 'String' || isNaNValue(value, false),
);
export const isboolFunction = kindTest(
  'isbool',
  'isbool(X): true when X is a boolean',
  (k) => k === 'Bool',
);
export const isintFunction = kindTest(
  'isint',
  'isint(X): true when X is an integer',
  (k, value) => {
    if (k !== 'Number') return false;
    const n = typeof value === 'number' ? value : scalarToNumber(value as string);
    return n !== undefined && Number.isInteger(n);
  },
);

export const typeofFunction: EvalFunctionSpec = {
  name: 'typeof',
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  pure: true,
  summary: 'typeof(X): "Number", "String", "Bool", "Multivalue" or "Invalid" (null)',
  compile: (site) => {
    const arg = site.args[0];
    if (!arg) throw new Error('typeof: missing argument');
    const literal = arg.type === 'string';
    const f = arg.evaluate;
    return (e) => kindOf(f(e), literal);
  },
};

export const ismvFunction = defineValueFunction({
  name: 'ismv',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'ismv(X): true when X has more than one value',
  apply: ([x]) => typeof x === 'object',
});

/**
 * isdouble(X): a number written or stored with a fraction or exponent (3.546, "2.0"), or a
 * computed number that is not whole; isdouble(1000000) is false.
 */
export const isdoubleFunction: EvalFunctionSpec = {
  name: 'isdouble',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  pure: true,
  summary: 'isdouble(X): true when X is a number with a fraction part or exponent',
  compile: (site) => {
    const arg = site.args[0];
    if (!arg) throw new Error('isdouble: missing argument');
    const written = arg.expr.kind === 'Number' ? site.textOf(arg.expr) : undefined;
    if (written !== undefined) {
      const double = /[.eE]/.test(written);
      return () => double;
    }
    const literal = arg.type === 'string';
    const f = arg.evaluate;
    return (e) => {
      const value = f(e);
      if (typeof value === 'number') return !Number.isInteger(value);
      if (typeof value !== 'string' || literal) return false;
      return scalarToNumber(value) !== undefined && /[.eE]/.test(value);
    };
  },
};
