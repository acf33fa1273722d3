// An SPL (PCRE) regex compiled for safe use on attacker-controlled text: translated to a JS
// RegExp, checked for super-linear backtracking, and run by a linear-time engine when needed.

import { translatePcre } from './pcre-translate.ts';
import { createRe2Engine } from './re2-engine.ts';
import { assessRegex, type RegexRisk } from './regex-safety.ts';

/** Where a group matched: `[start, end)` in UTF-16 code units of the text. */
export type GroupSpan = readonly [start: number, end: number];

/** One match: where it is and the text of each PCRE group (index = group number). */
export interface SplMatch {
  readonly index: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  /** Where each group matched (index = group number), when exec was asked for spans. */
  readonly spans?: readonly (GroupSpan | undefined)[];
}

/**
 * What runs a compiled pattern; both engines give PCRE's leftmost-first matches. `spans` asks
 * for each group's position too (V8's `d` flag, re2js's submatch indices), which costs more.
 */
export interface RegexEngine {
  test(text: string): boolean;
  exec(text: string, from: number, spans?: boolean): SplMatch | undefined;
}

export interface SplRegex extends RegexEngine {
  /** The pattern as written in SPL. */
  readonly pattern: string;
  readonly groupCount: number;
  /** Name of each group, by PCRE group number (index 0 unused). */
  readonly groupNames: readonly (string | undefined)[];
  readonly risk: RegexRisk;
  /** `backtracking` (V8), `linear` (RE2), or `hybrid` (V8 on short text, RE2 on long). */
  readonly engine: 'backtracking' | 'linear' | 'hybrid';
}

export type RegexCompileResult =
  | { readonly ok: true; readonly regex: SplRegex }
  | { readonly ok: false; readonly reason: string; readonly offset: number };

export function compileSplRegex(pattern: string): RegexCompileResult {
  const translated = translatePcre(pattern);
  if (!translated.ok) return translated;
  const t = translated.value;
  let js: RegExp;
  try {
    js = new RegExp(t.source, `${t.flags}g`);
  } catch (caught) {
    return {
      ok: false,
      reason: `not a valid regular expression: ${(caught as Error).message}`,
      offset: 0,
    };
  }
  const backtracking = createBacktrackingEngine(js, t.groupMap, t.groupCount);
  const assessment = assessRegex(t.source, t.flags);
  const { risk } = assessment;
  const base = { pattern, groupCount: t.groupCount, groupNames: t.groupNames, risk };
  if (risk === 'linear')
    return { ok: true, regex: { ...base, engine: 'backtracking', ...bind(backtracking) } };
  const linear = createRe2Engine(pattern, t.groupCount);
  if (!linear.ok) {
    // Look-around and back-references exist only in the backtracking engine: not proven, refused.
    return {
      ok: false,
      reason: `${assessment.reason}, and it uses features the linear-time engine lacks (${linear.reason})`,
      offset: 0,
    };
  }
  if (risk === 'superlinear')
    return { ok: true, regex: { ...base, engine: 'linear', ...bind(linear.engine) } };
  const limit = assessment.backtrackingLength;
  if (limit < 64) return { ok: true, regex: { ...base, engine: 'linear', ...bind(linear.engine) } };
  const hybrid: RegexEngine = {
    test: (text) => (text.length > limit ? linear.engine : backtracking).test(text),
    exec: (text, from, spans) =>
      (text.length > limit ? linear.engine : backtracking).exec(text, from, spans),
  };
  return { ok: true, regex: { ...base, engine: 'hybrid', ...bind(hybrid) } };
}

function bind(engine: RegexEngine): RegexEngine {
  return {
    test: (text) => engine.test(text),
    exec: (text, from, spans) => engine.exec(text, from, spans),
  };
}

function createBacktrackingEngine(
  regex: RegExp,
  groupMap: readonly number[],
  groupCount: number,
): RegexEngine {
  // Built on first use: `d` (hasIndices) makes every match allocate its positions.
  let withIndices: RegExp | undefined;
  return {
    test: (text) => {
      regex.lastIndex = 0;
      return regex.test(text);
    },
    exec: (text, from, spans) => {
      if (spans && withIndices === undefined) {
        withIndices = new RegExp(regex.source, `${regex.flags}d`);
      }
      const run = spans && withIndices ? withIndices : regex;
      run.lastIndex = from;
      const m = run.exec(text);
      if (!m) return undefined;
      const groups: (string | undefined)[] = [m[0]];
      for (let g = 1; g <= groupCount; g++) groups.push(m[groupMap[g] as number]);
      const match = { index: m.index, end: m.index + m[0].length, groups };
      if (!spans || !m.indices) return match;
      const positions: (GroupSpan | undefined)[] = [];
      for (let g = 0; g <= groupCount; g++)
        positions.push(m.indices[g === 0 ? 0 : (groupMap[g] as number)]);
      return { ...match, spans: positions };
    },
  };
}
