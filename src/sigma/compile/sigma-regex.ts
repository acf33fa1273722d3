// Compiles Sigma `re` values (PCRE subset in Python syntax) to a matcher that cannot backtrack.
//
// Field values are attacker-controlled, so regexes run on RE2 (re2js: linear time). The few
// constructs RE2 lacks (look-around, back-references) fall back to V8's RegExp only when its
// search is proven linear (core/regex/backtracking-cost.ts); otherwise the rule is refused
// (SIGMA052).

import { RE2JS } from 're2js';
import { backtrackingCost } from '../../core/index.ts';
import type { RegexFlag } from '../model/sigma-value.ts';

export interface CompiledRegex {
  readonly engine: 're2' | 'regexp';
  /** Unanchored search, as Sigma backends do. */
  test(value: string): boolean;
}

export function compileSigmaRegex(
  pattern: string,
  flags: ReadonlySet<RegexFlag>,
): CompiledRegex | string {
  const re2Source = pattern.replace(/(?<!\\)((?:\\\\)*)\\Z/g, '$1\\z');
  let re2Flags = RE2JS.LOOKBEHINDS;
  if (flags.has('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
  if (flags.has('m')) re2Flags |= RE2JS.MULTILINE;
  if (flags.has('s')) re2Flags |= RE2JS.DOTALL;
  let re2Problem: string;
  try {
    const re = RE2JS.compile(re2Source, re2Flags);
    return { engine: 're2', test: (value) => re.test(value) };
  } catch (e) {
    re2Problem = (e as Error).message;
  }
  const native = toJsRegExp(pattern, flags);
  if (typeof native === 'string') return `${re2Problem}; ${native}`;
  const { cost } = backtrackingCost(native.source, native.flags);
  if (cost.kind !== 'linear') {
    const why =
      cost.kind === 'quadratic'
        ? 'it can take quadratic time: each position of the text can start a long attempt'
        : cost.reason;
    return `${re2Problem}, and the backtracking engine is not proven linear on it: ${why}`;
  }
  return { engine: 'regexp', test: (value) => native.test(value) };
}

/** Python regex syntax → JS: leading inline flags, `(?P<`/`(?P=`, `\A`, `\Z`. */
function toJsRegExp(pattern: string, flags: ReadonlySet<RegexFlag>): RegExp | string {
  let source = pattern;
  const jsFlags = new Set<string>([...flags]);
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    for (const f of inline[1] ?? '') if ('ims'.includes(f)) jsFlags.add(f);
    source = source.slice(inline[0].length);
  }
  source = source
    .replaceAll('(?P<', '(?<')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
    .replace(/(?<!\\)((?:\\\\)*)\\A/g, '$1^')
    .replace(/(?<!\\)((?:\\\\)*)\\Z/g, '$1(?![\\s\\S])');
  try {
    return new RegExp(source, [...jsFlags].sort().join(''));
  } catch (e) {
    return (e as Error).message;
  }
}
