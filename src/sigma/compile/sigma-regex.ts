// Compiles Sigma `re` values (PCRE subset in Python syntax) to a matcher that cannot backtrack.
//
// Field values are attacker-controlled, so regexes run on RE2 (re2js: linear time). The few
// constructs RE2 lacks (lookahead, backreferences) fall back to V8's RegExp only when scslre
// finds no super-linear backtracking; otherwise the rule is refused (SIGMA052).
import { RE2JS } from 're2js';
import { analyse } from 'scslre';
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
  let reports: number;
  try {
    reports = analyse({ source: native.source, flags: native.flags }).reports.length;
  } catch (e) {
    return `${re2Problem}; ${(e as Error).message}`;
  }
  if (reports > 0) {
    return `${re2Problem}, and the backtracking fallback would take super-linear time on crafted input`;
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
