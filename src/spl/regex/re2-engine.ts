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

/**
 * RE2 reads PCRE syntax except `\Z` (end, or before a final newline), which it lacks: it is
 * spelled `(?:\n?\z)`. A backslash that is itself escaped (`\\Z`) is left alone.
 */
function pcreToRe2(pattern: string): string {
  return pattern.replace(/(?<!\\)((?:\\\\)*)\\Z/g, '$1(?:\\n?\\z)');
}
