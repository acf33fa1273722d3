// Conditional functions: if, case, validate, coalesce, nullif, null, true, false.

import { compareScalars } from '../../value/compare.ts';
import type { EvalValue } from '../../value/eval-value.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CallSite, CompiledArg, EvalFunctionSpec, Evaluator } from '../eval-types.ts';
import { defineValueFunction } from './define.ts';

const NOT_BOOLEAN = new Set(['number', 'string', 'multivalue']);

function requireCondition(site: CallSite, arg: CompiledArg, name: string): void {
  if (NOT_BOOLEAN.has(arg.type)) {
    site.fail(
      EvalCode.booleanRequired,
      `${name}() needs a boolean condition (a comparison or a function such as isnull()), not a ${arg.type}`,
      arg.expr.span,
    );
  }
}

/** if(X, Y, Z): Y when X is true, Z otherwise (also when X is null). */
export const ifFunction: EvalFunctionSpec = {
  name: 'if',
  minArgs: 3,
  maxArgs: 3,
  returns: 'any',
  pure: true,
  summary: 'if(condition, then, else)',
  compile: (site) => {
    const [condition, then, otherwise] = site.args as [CompiledArg, CompiledArg, CompiledArg];
    requireCondition(site, condition, 'if');
    const c = condition.evaluate;
    const t = then.evaluate;
    const o = otherwise.evaluate;
    return (e) => (c(e) === true ? t(e) : o(e));
  },
};

function pairs(site: CallSite, name: string): Array<readonly [Evaluator, Evaluator]> {
  if (site.args.length % 2 !== 0) {
    site.fail(
      EvalCode.arity,
      `${name}() takes condition/value pairs, got ${site.args.length} arguments`,
    );
  }
  const out: Array<readonly [Evaluator, Evaluator]> = [];
  for (let i = 0; i < site.args.length; i += 2) {
    const condition = site.args[i] as CompiledArg;
    requireCondition(site, condition, name);
    out.push([condition.evaluate, (site.args[i + 1] as CompiledArg).evaluate]);
  }
  return out;
}

/** case(X1, Y1, X2, Y2, ...): the Y of the first true X; null when none is true. */
export const caseFunction: EvalFunctionSpec = {
  name: 'case',
  minArgs: 2,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'case(condition1, value1, condition2, value2, ...)',
  compile: (site) => {
    const branches = pairs(site, 'case');
    return (e) => {
      for (const [condition, value] of branches) if (condition(e) === true) return value(e);
      return undefined;
    };
  },
};

/** validate(X1, Y1, ...): the Y of the first X that is false (or null); null when all hold. */
export const validateFunction: EvalFunctionSpec = {
  name: 'validate',
  minArgs: 2,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'validate(condition1, message1, ...): the message of the first failing condition',
  compile: (site) => {
    const branches = pairs(site, 'validate');
    return (e) => {
      for (const [condition, value] of branches) if (condition(e) !== true) return value(e);
      return undefined;
    };
  },
};

/** coalesce(X, ...): the first argument that is not null; "" is not null. Lazy. */
export const coalesceFunction: EvalFunctionSpec = {
  name: 'coalesce',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'coalesce(value1, value2, ...): the first non-null value',
  compile: (site) => {
    const evaluators = site.args.map((a) => a.evaluate);
    return (e) => {
      for (const evaluate of evaluators) {
        const value = evaluate(e);
        if (value !== undefined) return value;
      }
      return undefined;
    };
  },
};

function equalValues(a: EvalValue, b: EvalValue): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (typeof a === 'object' || typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  return compareScalars(a, b) === 0;
}

export const nullifFunction = defineValueFunction({
  name: 'nullif',
  minArgs: 2,
  maxArgs: 2,
  returns: 'any',
  summary: 'nullif(X, Y): null when X equals Y, else X',
  apply: ([x, y]) => (equalValues(x, y) ? undefined : x),
});

export const nullFunction = defineValueFunction({
  name: 'null',
  minArgs: 0,
  maxArgs: 0,
  returns: 'null',
  summary: 'null(): the null value',
  apply: () => undefined,
});

export const trueFunction = defineValueFunction({
  name: 'true',
  minArgs: 0,
  maxArgs: 0,
  returns: 'boolean',
  summary: 'true(): the boolean true',
  apply: () => true,
});

export const falseFunction = defineValueFunction({
  name: 'false',
  minArgs: 0,
  maxArgs: 0,
  returns: 'boolean',
  summary: 'false(): the boolean false',
  apply: () => false,
});
