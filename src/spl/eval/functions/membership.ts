// in(X, value, ...) and like(X, pattern): membership and SQL-LIKE tests.

import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { isIn } from '../operators/in-list.ts';
import { compileLikePattern } from '../operators/like-pattern.ts';
import { likeValue } from '../operators/like-value.ts';

export const inFunction: EvalFunctionSpec = {
  name: 'in',
  minArgs: 2,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'boolean',
  pure: true,
  summary: 'in(X, value1, value2, ...): true when X equals one of the values',
  compile: (site) => {
    const [subject, ...rest] = site.args as [CompiledArg, ...CompiledArg[]];
    const f = subject.evaluate;
    const candidates = rest.map((a) => a.evaluate);
    return (e) => isIn(f(e), candidates, e);
  },
};

export const likeFunction: EvalFunctionSpec = {
  name: 'like',
  minArgs: 2,
  maxArgs: 2,
  returns: 'boolean',
  pure: true,
  summary: 'like(X, pattern): SQL LIKE, % any run, _ one character, case-sensitive',
  compile: (site) => {
    const [subject, pattern] = site.args as [CompiledArg, CompiledArg];
    const f = subject.evaluate;
    const constant = pattern.constant?.value;
    if (typeof constant === 'string') {
      const matches = compileLikePattern(constant);
      return (e) => likeValue(f(e), matches);
    }
    const p = pattern.evaluate;
    return (e) => likeValue(f(e), p(e));
  },
};
