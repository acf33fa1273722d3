// Bare terms and quoted phrases matched against _raw the way Splunk's term search segments text.
// Splunk splits events at major breakers (space, brackets, quotes, `|`, `;`, `,`, `&`, ...) and
// again at minor breakers (`/ : = @ . - $ # % \ _`); a term matches where it starts and ends on
// a breaker boundary, case-insensitively ("vscode.exe" contains the terms "vscode", "exe" and
// "vscode.exe" but not "code"). Search Manual, "Event segmentation and searching";
// segmenters.conf MAJOR/MINOR defaults.
import { compileSplRegex } from '../regex/spl-regex.ts';

/** Characters that end a token: the default major and minor breakers, plus white space. */
const MAJOR = ' \t\n\r\f\v[](){}<>|!;,\'"&?+*';
const MINOR = '/:=@.-$#%\\_';
const BREAKERS = new Set(MAJOR + MINOR);

export type TermMatcher = (raw: string) => boolean;

function isBoundaryBefore(text: string, at: number): boolean {
  return at === 0 || BREAKERS.has(text[at - 1] as string);
}

function isBoundaryAfter(text: string, end: number): boolean {
  return end >= text.length || BREAKERS.has(text[end] as string);
}

/** Control characters: a term holding them gets them as `\\xNN` escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\x00-\x1f]/g;

/**
 * `term` as written (wildcards `*`); `caseSensitive` from CASE(); `wholeToken` from TERM(),
 * which only accepts major breakers around the term.
 */
export function compileTermMatcher(
  term: string,
  caseSensitive: boolean,
  wholeToken: boolean,
): TermMatcher {
  const needle = caseSensitive ? term : term.toLowerCase();
  const fold = (raw: string) => (caseSensitive ? raw : raw.toLowerCase());
  if (needle.replaceAll('*', '') === '') return () => true;
  const boundaries = wholeToken ? new Set(MAJOR) : BREAKERS;
  const checkStart = !boundaries.has(needle[0] as string);
  const checkEnd = !boundaries.has(needle[needle.length - 1] as string);
  if (!needle.includes('*')) {
    return (raw) => {
      const text = fold(raw);
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        const before =
          !checkStart ||
          (wholeToken
            ? at === 0 || boundaries.has(text[at - 1] as string)
            : isBoundaryBefore(text, at));
        const end = at + needle.length;
        const after =
          !checkEnd ||
          (wholeToken
            ? end >= text.length || boundaries.has(text[end] as string)
            : isBoundaryAfter(text, end));
        if (before && after) return true;
      }
      return false;
    };
  }
  // A wildcard stays within one major segment. The pattern goes through the safe-regex
  // compiler, so a term like *a*b*c* cannot backtrack catastrophically on a long token.
  const escapeClass = (chars: string) =>
    chars
      .replace(/[\\\]^-]/g, '\\$&')
      .replace(/\s/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const boundaryClass = `[${escapeClass([...boundaries].join(''))}]`;
  const majorFree = `[^${escapeClass(MAJOR)}]*`;
  const body = needle
    .split('*')
    .map((part) =>
      part
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        // Control characters (NUL among them, which RE2 refuses written as is) as escapes.
        .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
    )
    .join(majorFree);
  const leadingStar = needle.startsWith('*');
  const trailingStar = needle.endsWith('*');
  const source = `${leadingStar || !checkStart ? '' : `(?:^|${boundaryClass})`}${body}${trailingStar || !checkEnd ? '' : `(?:$|${boundaryClass})`}`;
  const compiled = compileSplRegex(`(?s)${source}`);
  if (!compiled.ok) throw new Error(`term pattern did not compile: ${compiled.reason}`);
  const regex = compiled.regex;
  return (raw) => regex.test(fold(raw));
}
