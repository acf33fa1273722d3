// strftime, strptime and relative_time: formatting, parsing and shifting epoch times.

import {
  parseTimeModifier,
  resolveTimeModifier,
  type TimeModifier,
} from '../../time/time-modifier.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { strftime } from '../../value/strftime.ts';
import { strptime } from '../../value/strptime.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, evaluateArgsThen } from './define.ts';

export const strftimeFunction = defineValueFunction({
  name: 'strftime',
  minArgs: 2,
  maxArgs: 2,
  returns: 'string',
  summary: 'strftime(time, format): epoch seconds as text (%Y-%m-%d %H:%M:%S, %3N, %z, ...)',
  apply: ([t, f]) => {
    const time = scalarToNumber(firstScalar(t));
    const format = firstScalar(f);
    if (time === undefined || format === undefined) return undefined;
    return strftime(time, scalarToString(format));
  },
});

/**
 * strptime(text, format): the epoch seconds, with the six decimals Splunk shows for them
 * ("2022-12-15 09:45:22" with "%Y-%m-%d %H:%M:%S" is 1671126322.000000 in US Pacific time).
 */
export const strptimeFunction = defineValueFunction({
  name: 'strptime',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  summary: 'strptime(text, format): the epoch seconds text spells in format, or null',
  apply: ([t, f]) => {
    const text = firstScalar(t);
    const format = firstScalar(f);
    if (text === undefined || format === undefined) return undefined;
    const time = strptime(scalarToString(text), scalarToString(format));
    return time === undefined || !Number.isFinite(time) ? undefined : time.toFixed(6);
  },
});

/**
 * relative_time(time, "-7d@d"): the time modifier syntax of `earliest=` (one parser), counted
 * from `time` instead of now. A constant modifier is parsed once and checked at compile time.
 */
export const relativeTimeFunction: EvalFunctionSpec = {
  name: 'relative_time',
  minArgs: 2,
  maxArgs: 2,
  returns: 'number',
  pure: true,
  summary: 'relative_time(time, modifier): time shifted and snapped, e.g. "-7d@d"',
  compile: (site) => {
    const specArg = site.args[1] as CompiledArg;
    const constant = specArg.constant ? firstScalar(specArg.constant.value) : undefined;
    let fixed: TimeModifier | undefined;
    if (constant !== undefined) {
      const parsed = parseTimeModifier(scalarToString(constant));
      if (!parsed.ok) {
        return site.fail(
          EvalCode.badArgument,
          `relative_time() modifier: ${parsed.message}`,
          specArg.expr.span,
        );
      }
      fixed = parsed.modifier;
    }
    return evaluateArgsThen(site, ([t, s]) => {
      const time = scalarToNumber(firstScalar(t));
      if (time === undefined) return undefined;
      let modifier = fixed;
      if (modifier === undefined) {
        const spec = firstScalar(s);
        if (spec === undefined) return undefined;
        const parsed = parseTimeModifier(scalarToString(spec));
        if (!parsed.ok) return undefined;
        modifier = parsed.modifier;
      }
      const result = resolveTimeModifier(modifier, time);
      return Number.isFinite(result) ? result : undefined;
    });
  },
};
