// The linear-time engine: re2js, a pure-JS port of RE2 (no native addon). RE2's syntax is a
// PCRE subset, so it takes the SPL pattern as written; it refuses backreferences and lookaround.
import { RE2JS } from 're2js';
import type { GroupSpan, RegexEngine, SplMatch } from './spl-regex.ts';

export type Re2Result =
  | { readonly ok: true; readonly engine: RegexEngine }
  | { readonly ok: false; readonly reason: string };

export function createRe2Engine(pattern: string, groupCount: number): Re2Result {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pcreToRe2(pattern));
  } catch (caught) {
    return { ok: false, reason: (caught as Error).message };
  }
  if (compiled.groupCount() !== groupCount) {
    return { ok: false, reason: `RE2 counts ${compiled.groupCount()} groups, PCRE ${groupCount}` };
  }
  return {
    ok: true,
    engine: {
      test: (text) => compiled.matcher(text).find(),
      exec: (text, from, spans): SplMatch | undefined => {
        const m = compiled.matcher(text);
        if (!m.find(from)) return undefined;
        const groups: (string | undefined)[] = [];
        for (let g = 0; g <= groupCount; g++) groups.push(m.group(g) ?? undefined);
        const match = { index: m.start(), end: m.end(), groups };
        if (!spans) return match;
        // A group that took no part has start -1 (RE2's submatch indices).
        const positions: (GroupSpan | undefined)[] = [];
        for (let g = 0; g <= groupCount; g++) {
          positions.push(m.start(g) < 0 ? undefined : [m.start(g), m.end(g)]);
        }
        return { ...match, spans: positions };
      },
    },
  };
}

/** PCRE's `\h` and `\v` (pcre2pattern) as RE2 class content. */
const RE2_HORIZONTAL =
  '\\t \\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}';
const RE2_VERTICAL = '\\n\\x{0B}\\f\\r\\x{85}\\x{2028}\\x{2029}';

/** PCRE escapes RE2 lacks, spelled in RE2 syntax outside and inside a class. */
const OUTSIDE: Readonly<Record<string, string>> = {
  Z: '(?:\\n?\\z)',
  h: `[${RE2_HORIZONTAL}]`,
  H: `[^${RE2_HORIZONTAL}]`,
  v: `[${RE2_VERTICAL}]`,
  V: `[^${RE2_VERTICAL}]`,
  R: `(?:\\r\\n|[${RE2_VERTICAL}])`,
  N: '[^\\n]',
  e: '\\x{1B}',
};
const INSIDE: Readonly<Record<string, string>> = {
  h: RE2_HORIZONTAL,
  v: RE2_VERTICAL,
  e: '\\x{1B}',
};

/**
 * RE2 reads PCRE syntax except a few escapes (`\Z` end or before a final newline, `\h \H \v
 * \V \R \N \e`), which are spelled out; everything else is left for RE2 to accept or refuse.
 */
export function pcreToRe2(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      const e = pattern.charAt(i + 1);
      if (e === 'Q') {
        // \Q...\E is literal text: copied as is (RE2 reads \Q...\E itself).
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop - 1;
        continue;
      }
      const spelled = (inClass ? INSIDE : OUTSIDE)[e];
      out += spelled ?? `\\${e}`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[' && pattern.charAt(i + 1) === ':') {
        const close = pattern.indexOf(':]', i + 2);
        if (close > 0) {
          out += pattern.slice(i, close + 2);
          i = close + 1;
          continue;
        }
      }
    } else if (c === '[') {
      inClass = true;
      out += c;
      // A `]` (after an optional `^`) right after the opening bracket is a literal.
      if (pattern.charAt(i + 1) === '^') out += pattern.charAt(++i);
      if (pattern.charAt(i + 1) === ']') out += pattern.charAt(++i);
      continue;
    }
    out += c;
  }
  return out;
}
