// A regex argument of an eval function: compiled once when constant, cached when computed.
import type { Event } from '../../../core/index.ts';
import { compileSplRegex, type SplRegex } from '../../regex/spl-regex.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CallSite } from '../eval-types.ts';

/** Gives the regex for one event, or undefined when the pattern is null or invalid there. */
export type RegexSource = (event: Event) => SplRegex | undefined;

const RUNTIME_CACHE_LIMIT = 64;

export function regexArgument(site: CallSite, index: number): RegexSource {
  const arg = site.args[index];
  if (!arg) throw new Error(`${site.call.name}: no argument ${index}`);
  if (arg.constant) {
    const pattern = firstScalar(arg.constant.value);
    if (pattern === undefined) return () => undefined;
    const compiled = compileSplRegex(scalarToString(pattern));
    if (!compiled.ok) {
      site.fail(
        EvalCode.badRegex,
        `invalid regular expression: ${compiled.reason}${compiled.offset > 0 ? ` (at offset ${compiled.offset})` : ''}`,
        arg.expr.span,
      );
    }
    const regex = compiled.regex;
    return () => regex;
  }
  // A pattern computed per event: a small cache keeps a repeated pattern from recompiling, and
  // an invalid one gives null like any other failed evaluation.
  const cache = new Map<string, SplRegex | undefined>();
  const evaluate = arg.evaluate;
  return (event) => {
    const value = firstScalar(evaluate(event));
    if (value === undefined) return undefined;
    const pattern = scalarToString(value);
    if (cache.has(pattern)) return cache.get(pattern);
    const compiled = compileSplRegex(pattern);
    if (cache.size >= RUNTIME_CACHE_LIMIT) cache.clear();
    const regex = compiled.ok ? compiled.regex : undefined;
    cache.set(pattern, regex);
    return regex;
  };
}
