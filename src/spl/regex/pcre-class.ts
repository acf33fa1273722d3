// Translates one PCRE bracket expression `[...]` into a JavaScript character class.
import { ownEntry } from '../../core/index.ts';
import {
  caseVariants,
  codePointEscape,
  escapeLiteral,
  HORIZONTAL_SPACE,
  POSIX_CLASSES,
  VERTICAL_SPACE,
} from './pcre-escapes.ts';

export type ClassResult =
  | { readonly ok: true; readonly source: string; readonly end: number }
  | { readonly ok: false; readonly reason: string; readonly offset: number };

/** One class member: a single character (may start a range) or ready-made class content. */
type Member = { readonly char: number } | { readonly content: string };

const SHORTHANDS: Readonly<Record<string, string>> = {
  d: '\\d',
  D: '\\D',
  w: '\\w',
  W: '\\W',
  s: '\\s',
  S: '\\S',
  h: HORIZONTAL_SPACE,
  v: VERTICAL_SPACE,
};

const CONTROL: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  e: 0x1b,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
};

/**
 * `start` is the index of `[`. `caseFold` adds the other case of every letter (used where
 * `(?i)` covers only part of the pattern, so the JS `i` flag cannot be used).
 */
export function translateClass(pattern: string, start: number, caseFold: boolean): ClassResult {
  let i = start + 1;
  let negated = false;
  if (pattern[i] === '^') {
    negated = true;
    i++;
  }
  let content = '';
  let first = true;
  const fail = (reason: string, offset: number): ClassResult => ({ ok: false, reason, offset });
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === ']' && !first) {
      return { ok: true, source: `[${negated ? '^' : ''}${content}]`, end: i + 1 };
    }
    first = false;
    const read = readMember(pattern, i);
    if ('reason' in read) return fail(read.reason, read.offset);
    i = read.end;
    const member = read.member;
    if ('content' in member) {
      content += member.content;
      continue;
    }
    // A range `a-z`: the `-` is literal when it ends the class or follows a shorthand.
    if (pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
      const upper = readMember(pattern, i + 1);
      if ('reason' in upper) return fail(upper.reason, upper.offset);
      if ('char' in upper.member) {
        if (upper.member.char < member.char)
          return fail('range out of order in character class', i);
        content += `${codePointEscape(member.char)}-${codePointEscape(upper.member.char)}`;
        if (caseFold) content += foldedRange(member.char, upper.member.char);
        i = upper.end;
        continue;
      }
    }
    const text = String.fromCodePoint(member.char);
    content += caseFold
      ? caseVariants(text)
      : member.char < 0x20 || member.char > 0x7e
        ? codePointEscape(member.char)
        : escapeLiteral(text);
  }
  return fail('missing terminating ] for character class', start);
}

function foldedRange(low: number, high: number): string {
  const a = 97;
  const z = 122;
  const A = 65;
  const Z = 90;
  let extra = '';
  const lo1 = Math.max(low, a);
  const hi1 = Math.min(high, z);
  if (lo1 <= hi1) extra += `${codePointEscape(lo1 - 32)}-${codePointEscape(hi1 - 32)}`;
  const lo2 = Math.max(low, A);
  const hi2 = Math.min(high, Z);
  if (lo2 <= hi2) extra += `${codePointEscape(lo2 + 32)}-${codePointEscape(hi2 + 32)}`;
  return extra;
}

type Read =
  | { readonly member: Member; readonly end: number }
  | { readonly reason: string; readonly offset: number };

function readMember(pattern: string, i: number): Read {
  const ch = pattern[i] as string;
  if (ch === '[' && pattern[i + 1] === ':') {
    const close = pattern.indexOf(':]', i + 2);
    if (close > 0) {
      const name = pattern.slice(i + 2, close);
      if (name.startsWith('^'))
        return { reason: `negated POSIX class [:${name}:] is not supported`, offset: i };
      const content = ownEntry(POSIX_CLASSES, name);
      if (content === undefined) return { reason: `unknown POSIX class name "${name}"`, offset: i };
      return { member: { content }, end: close + 2 };
    }
  }
  if (ch !== '\\') {
    const code = pattern.codePointAt(i) as number;
    return { member: { char: code }, end: i + (code > 0xffff ? 2 : 1) };
  }
  const next = pattern[i + 1];
  if (next === undefined) return { reason: 'pattern ends with a backslash', offset: i };
  const shorthand = SHORTHANDS[next];
  if (shorthand !== undefined) return { member: { content: shorthand }, end: i + 2 };
  const control = CONTROL[next];
  if (control !== undefined) return { member: { char: control }, end: i + 2 };
  if (next === 'x') {
    if (pattern[i + 2] === '{') {
      const close = pattern.indexOf('}', i + 3);
      const hex = close > 0 ? pattern.slice(i + 3, close) : '';
      if (!/^[0-9A-Fa-f]{1,6}$/.test(hex))
        return { reason: 'malformed \\x{...} escape', offset: i };
      return { member: { char: Number.parseInt(hex, 16) }, end: close + 1 };
    }
    const hex = /^[0-9A-Fa-f]{0,2}/.exec(pattern.slice(i + 2))?.[0] ?? '';
    return { member: { char: hex === '' ? 0 : Number.parseInt(hex, 16) }, end: i + 2 + hex.length };
  }
  if (next >= '0' && next <= '7') {
    const octal = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))?.[0] ?? '0';
    return { member: { char: Number.parseInt(octal, 8) }, end: i + 1 + octal.length };
  }
  if (next === 'c') {
    const target = pattern.charCodeAt(i + 2);
    if (Number.isNaN(target)) return { reason: '\\c at end of pattern', offset: i };
    return { member: { char: (target & ~0x20) ^ 0x40 }, end: i + 3 };
  }
  if (next === 'Q') {
    const close = pattern.indexOf('\\E', i + 2);
    const literal = pattern.slice(i + 2, close < 0 ? pattern.length : close);
    const content = Array.from(literal, (c) => escapeLiteral(c)).join('');
    return { member: { content }, end: close < 0 ? pattern.length : close + 2 };
  }
  if (next === 'E') return { member: { content: '' }, end: i + 2 };
  if (/[A-Za-z0-9]/.test(next))
    return { reason: `escape \\${next} is not supported inside a character class`, offset: i };
  return { member: { char: next.charCodeAt(0) }, end: i + 2 };
}
