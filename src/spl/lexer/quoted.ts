// Quoted strings and backslash escapes, shared by every lexing mode.
import { type LexResult, makeToken } from './scan.ts';
import type { TokenKind } from './token.ts';

export interface QuotedString {
  /** Offset just past the closing quote (or the end of the range when unterminated). */
  readonly end: number;
  readonly value: string;
  readonly terminated: boolean;
}

/**
 * Reads a string opened by `quote` at `start`. Splunk resolves only `\\` and `\<quote>` (and, for
 * double quotes, `\|`); any other backslash sequence such as `\d` or `\s` reaches the command
 * untouched (Search Reference, search: "Quotes and escaping characters").
 */
export function readQuoted(text: string, start: number, end: number, quote: string): QuotedString {
  let value = '';
  let i = start + 1;
  while (i < end) {
    const c = text[i];
    if (c === quote) return { end: i + 1, value, terminated: true };
    if (c === '\\' && i + 1 < end) {
      const next = text[i + 1] ?? '';
      value += resolveEscape(next, quote);
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { end, value, terminated: false };
}

/** The value of `\` + `next`: the character itself for `\\`, `\"` and `\|`, else both kept. */
export function resolveEscape(next: string, quote = '"'): string {
  if (next === '\\' || next === quote || next === '|') return next;
  return `\\${next}`;
}

/** Resolves the escapes of an unquoted word (same rules as inside quotes). */
export function unescapeWord(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      value += resolveEscape(raw[i + 1] ?? '');
      i++;
    } else {
      value += c;
    }
  }
  return value;
}

/**
 * Writes `value` as a double-quoted SPL string that reads back to `value`: `"` always escaped,
 * `\` escaped only where it would otherwise start an escape (before `\`, `"`, `|`, or at the end).
 */
export function quoteString(value: string, quote = '"'): string {
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === quote) out += `\\${quote}`;
    else if (c === '\\') {
      const next = value[i + 1];
      out += next === undefined || next === '\\' || next === quote || next === '|' ? '\\\\' : '\\';
    } else out += c;
  }
  return `${out}${quote}`;
}

/** The token of a string quoted at `start` (unterminated: the token so far and the range). */
export function lexQuoted(
  text: string,
  start: number,
  end: number,
  quote: string,
  kind: TokenKind,
  spaceBefore: boolean,
): LexResult {
  const q = readQuoted(text, start, end, quote);
  const token = makeToken(kind, text.slice(start, q.end), q.value, true, spaceBefore, start, q.end);
  return q.terminated ? { token } : { token, unterminated: { start, end } };
}
