// Applies a LIKE pattern to an eval value: any value of a multivalue may match; null is null.

import type { TextMatcher } from '../../search/wildcard-pattern.ts';
import type { EvalValue } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { compileLikePattern } from './like-pattern.ts';

/** `pattern` is a prebuilt matcher (constant pattern) or the pattern value of this event. */
export function likeValue(value: EvalValue, pattern: TextMatcher | EvalValue): EvalValue {
  if (value === undefined || typeof value === 'boolean') return undefined;
  let matches: TextMatcher;
  if (typeof pattern === 'function') {
    matches = pattern;
  } else {
    if (pattern === undefined || typeof pattern === 'boolean' || typeof pattern === 'object')
      return undefined;
    matches = compileLikePattern(scalarToString(pattern));
  }
  if (typeof value !== 'object') return matches(scalarToString(value));
  return value.some((v) => matches(scalarToString(v)));
}
