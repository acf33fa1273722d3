// strftime, strptime and relative_time: formatting, parsing and shifting epoch times.
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { applyRelativeTime, parseRelativeTime } from '../../value/relative-time.ts';
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
    return strptime(scalarToString(text), scalarToString(format));
  },
});

/** relative_time(time, "-7d@d"): a constant modifier is parsed once and checked at compile time. */
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
    const fixed = constant === undefined ? undefined : parseRelativeTime(scalarToString(constant));
    if (constant !== undefined && fixed === undefined) {
      return site.fail(
        EvalCode.badArgument,
        `"${scalarToString(constant)}" is not a relative time modifier (such as -7d@d or +1h)`,
        specArg.expr.span,
      );
    }
    return evaluateArgsThen(site, ([t, s]) => {
      const time = scalarToNumber(firstScalar(t));
      if (time === undefined) return undefined;
      let steps = fixed;
      if (steps === undefined) {
        const spec = firstScalar(s);
        if (spec === undefined) return undefined;
        steps = parseRelativeTime(scalarToString(spec));
      }
      return steps === undefined ? undefined : applyRelativeTime(time, steps);
    });
  },
};
