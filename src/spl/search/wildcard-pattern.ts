// Wildcard patterns compiled to plain string tests: `*`-globs of search and `%`/`_` of LIKE.
// Written by hand rather than as RegExp: the common shapes (exact, prefix, suffix, contains)
// become one string call, and the general case is a two-pointer matcher that is O(n·m) at
// worst on attacker-controlled text, where a backtracking regex of `*a*b*c` is not.

export type TextMatcher = (text: string) => boolean;

/** A pattern split at its multi-character wildcard; `one` marks the single-character one. */
export interface WildcardSyntax {
  readonly many: string;
  readonly one?: string;
}

export const SEARCH_WILDCARD: WildcardSyntax = { many: '*' };
export const LIKE_WILDCARD: WildcardSyntax = { many: '%', one: '_' };

/**
 * Compiles `pattern` to a matcher over the whole text. The caller lower-cases both pattern and
 * text for case-insensitive matching; this function compares code units as given.
 */
export function compileWildcard(pattern: string, syntax: WildcardSyntax): TextMatcher {
  if (syntax.one !== undefined && pattern.includes(syntax.one)) {
    return generalMatcher(pattern, syntax.many, syntax.one);
  }
  const parts = pattern.split(syntax.many);
  if (parts.length === 1) return (text) => text === pattern;
  const head = parts[0] as string;
  const tail = parts[parts.length - 1] as string;
  const inner = parts.slice(1, -1).filter((p) => p !== '');
  const minLength = head.length + tail.length + inner.reduce((n, p) => n + p.length, 0);
  if (inner.length === 0) {
    if (head === '' && tail === '') return () => true;
    if (head === '') return (text) => text.endsWith(tail);
    if (tail === '') return (text) => text.startsWith(head);
    return (text) => text.length >= minLength && text.startsWith(head) && text.endsWith(tail);
  }
  if (head === '' && tail === '' && inner.length === 1) {
    const needle = inner[0] as string;
    return (text) => text.includes(needle);
  }
  // Leftmost placement of each middle part is optimal for `*`-only globs, so one pass of
  // indexOf decides the match.
  return (text) => {
    if (text.length < minLength || !text.startsWith(head) || !text.endsWith(tail)) return false;
    let at = head.length;
    const end = text.length - tail.length;
    for (const part of inner) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

function generalMatcher(pattern: string, many: string, one: string): TextMatcher {
  const tokens = Array.from(pattern);
  return (text) => {
    const chars = Array.from(text);
    let p = 0;
    let t = 0;
    let star = -1;
    let resume = 0;
    while (t < chars.length) {
      const token = tokens[p];
      if (token !== undefined && token !== many && (token === one || token === chars[t])) {
        p++;
        t++;
      } else if (token === many) {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (tokens[p] === many) p++;
    return p === tokens.length;
  };
}
