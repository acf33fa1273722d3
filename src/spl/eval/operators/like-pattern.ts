// SQL LIKE patterns of eval's like()/LIKE: `%` is any run of characters, `_` exactly one.
// Matching is case-sensitive ("Evaluation expressions are case-sensitive", Search Reference)
// and a backslash is an ordinary character: ESCU writes like(path, "%\\Temp\\%") and means it.
import { compileWildcard, LIKE_WILDCARD, type TextMatcher } from '../../search/wildcard-pattern.ts';

export function compileLikePattern(pattern: string): TextMatcher {
  return compileWildcard(pattern, LIKE_WILDCARD);
}
