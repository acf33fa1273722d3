// Functions that evaluate an expression per value: mvfilter, mvmap; and mvfind (regex per value).

import { fieldReader, multivalue, type Scalar } from '../../../core/index.ts';
import { scalarToString } from '../../value/number.ts';
import { capValues, MAX_MULTIVALUE_VALUES } from '../../value/value-limits.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { valuesOfArg } from './multivalue.ts';
import { regexArgument } from './regex-arg.ts';

/**
 * mvfilter(predicate): the values of the one field the predicate names for which it is true;
 * the predicate sees each value as that field ("mvfilter(match(email, "\.net$"))", Search
 * Reference, Multivalue functions). Null when no value passes.
 */
export const mvfilterFunction: EvalFunctionSpec = {
  name: 'mvfilter',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  pure: true,
  summary: 'mvfilter(predicate): the values of the field the predicate reads for which it holds',
  compile: (site) => {
    const predicate = site.args[0] as CompiledArg;
    if (predicate.fields.size !== 1) {
      site.fail(
        EvalCode.badArgument,
        `mvfilter() predicate must read exactly one field, it reads ${predicate.fields.size}`,
        predicate.expr.span,
      );
    }
    const field = [...predicate.fields][0] as string;
    const bound = site.bind(0, field);
    const read = fieldReader(field);
    return (event) => {
      const kept: Scalar[] = [];
      for (const value of valuesOfArg(read(event))) {
        bound.slot.value = value;
        if (bound.evaluate(event) === true) kept.push(value);
      }
      return multivalue(kept);
    };
  },
};

/**
 * mvmap(X, expression): the expression evaluated for each value of X, with the field X names
 * bound to that value. X may be an expression over one field ("mvmap(mvindex(results, 1,2),
 * results*threshold)" maps the second and third values of results).
 */
export const mvmapFunction: EvalFunctionSpec = {
  name: 'mvmap',
  minArgs: 2,
  maxArgs: 2,
  returns: 'any',
  pure: true,
  summary: 'mvmap(X, expression): expression evaluated for each value of field X',
  compile: (site) => {
    const target = site.args[0] as CompiledArg;
    const field = target.expr.kind === 'Field' ? target.expr.name : [...target.fields][0];
    if (field === undefined || (target.expr.kind !== 'Field' && target.fields.size !== 1)) {
      return site.fail(
        EvalCode.badArgument,
        'mvmap() first argument must be a field or an expression over one field',
        target.expr.span,
      );
    }
    const bound = site.bind(1, field);
    const values = target.evaluate;
    return (event) => {
      const out: Scalar[] = [];
      for (const value of valuesOfArg(values(event))) {
        bound.slot.value = value;
        for (const v of valuesOfArg(bound.evaluate(event))) out.push(v);
        if (out.length > MAX_MULTIVALUE_VALUES) break;
      }
      return multivalue(capValues(out));
    };
  },
};

/** mvfind(X, regex): the 0-based index of the first value the regex matches, or null. */
export const mvfindFunction: EvalFunctionSpec = {
  name: 'mvfind',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  pure: true,
  summary: 'mvfind(X, regex): index of the first value matching regex, or null',
  compile: (site) => {
    const subject = (site.args[0] as CompiledArg).evaluate;
    const regexOf = regexArgument(site, 1);
    return (event) => {
      const regex = regexOf(event);
      if (!regex) return undefined;
      const values = valuesOfArg(subject(event));
      for (let i = 0; i < values.length; i++)
        if (regex.test(scalarToString(values[i] as Scalar))) return i;
      return undefined;
    };
  },
};
