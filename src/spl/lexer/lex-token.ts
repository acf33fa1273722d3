// The SPL lexer: reads one token at an offset in the mode the command parser asks for.
// SPL has no single token grammar: `a=b*c` is one comparison in a search clause, `a.b` is a field
// in eval, and `rex` wants its regex raw, so the parser drives the lexer mode by mode (as the
// TypeScript scanner is re-scanned in context) instead of tokenizing the text once up front.
import { span } from '../../core/span.ts';
import { readQuoted, unescapeWord } from './quoted.ts';
import type { LexMode, Token, TokenKind } from './token.ts';

/** A string or quoted piece without its closing quote; the parser reports it (SPL001). */
export interface UnterminatedQuote {
  readonly start: number;
  readonly end: number;
}

export interface LexResult {
  readonly token: Token;
  readonly unterminated?: UnterminatedQuote;
}

/**
 * How far a look-ahead for a closing `)` or `>>` may scan: far beyond any real search, and it
 * keeps a hostile text of many unclosed openers linear.
 */
export const MAX_SCAN = 4096;

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  '[': 'lbracket',
  ']': 'rbracket',
};

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

/** Offset of the first non-space character at or after `pos`. */
export function skipSpace(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end && isSpace(text[i])) i++;
  return i;
}

export function lexToken(mode: LexMode, text: string, pos: number, end: number): LexResult {
  const start = skipSpace(text, pos, end);
  const spaceBefore = start > pos || pos === 0;
  if (start >= end) return { token: makeToken('eof', '', '', false, spaceBefore, start, start) };
  const c = text[start] ?? '';
  const punctuation = PUNCTUATION[c];
  if (punctuation) {
    return { token: makeToken(punctuation, c, c, false, spaceBefore, start, start + 1) };
  }
  switch (mode) {
    case 'argument':
      return lexArgument(text, start, end, spaceBefore);
    case 'search':
      return lexSearch(text, start, end, spaceBefore);
    case 'expression':
      return lexExpression(text, start, end, spaceBefore);
  }
}

export function makeToken(
  kind: TokenKind,
  text: string,
  value: string,
  quoted: boolean,
  spaceBefore: boolean,
  start: number,
  end: number,
): Token {
  return { kind, text, value, quoted, spaceBefore, span: span(start, end) };
}

/** Characters that end a bare word in argument mode. */
function endsArgumentWord(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined || isSpace(c) || c in PUNCTUATION || c === '=' || c === '"' || c === '|') {
    return true;
  }
  return c === '!' && text[i + 1] === '=';
}

/**
 * Argument mode: `name=value`, field lists, table names. A word joins adjacent quoted and bare
 * pieces, as Splunk's argument splitter does: `"DNS".*` is the one word `DNS.*`.
 */
function lexArgument(text: string, start: number, end: number, spaceBefore: boolean): LexResult {
  const c = text[start];
  if (c === '=')
    return { token: makeToken('operator', '=', '=', false, spaceBefore, start, start + 1) };
  if (c === '!' && text[start + 1] === '=') {
    return { token: makeToken('operator', '!=', '!=', false, spaceBefore, start, start + 2) };
  }
  let i = start;
  let value = '';
  let quoted = false;
  let pieces = 0;
  while (i < end) {
    if (text[i] === '"') {
      const q = readQuoted(text, i, end, '"');
      value += q.value;
      quoted = true;
      pieces++;
      if (!q.terminated) {
        const token = makeToken(
          'word',
          text.slice(start, end),
          value,
          true,
          spaceBefore,
          start,
          end,
        );
        return { token, unterminated: { start: i, end } };
      }
      i = q.end;
      continue;
    }
    if (endsArgumentWord(text, i) || i >= end) break;
    const pieceStart = i;
    while (i < end && !endsArgumentWord(text, i)) i += text[i] === '\\' && i + 1 < end ? 2 : 1;
    value += text.slice(pieceStart, i);
    pieces++;
  }
  const kind: TokenKind = quoted && pieces === 1 ? 'string' : 'word';
  return { token: makeToken(kind, text.slice(start, i), value, quoted, spaceBefore, start, i) };
}

const COMPARATORS = ['!=', '<=', '>=', '==', '=', '<', '>'] as const;

function comparatorAt(text: string, i: number): string | undefined {
  return COMPARATORS.find((op) => text.startsWith(op, i));
}

/** Characters that end a bare search term. Comparators end a field name but not a value. */
function endsSearchWord(text: string, i: number, end: number): boolean {
  const c = text[i];
  if (i >= end || c === undefined || isSpace(c) || c in PUNCTUATION || c === '"' || c === '|') {
    return true;
  }
  return comparatorAt(text, i) !== undefined;
}

/** Search mode: terms, phrases, `field<op>value`; backslash escapes the next character. */
function lexSearch(text: string, start: number, end: number, spaceBefore: boolean): LexResult {
  const c = text[start];
  if (c === '"') {
    const q = readQuoted(text, start, end, '"');
    const token = makeToken(
      'string',
      text.slice(start, q.end),
      q.value,
      true,
      spaceBefore,
      start,
      q.end,
    );
    return q.terminated ? { token } : { token, unterminated: { start, end } };
  }
  const op = comparatorAt(text, start);
  if (op)
    return { token: makeToken('operator', op, op, false, spaceBefore, start, start + op.length) };
  let i = start;
  while (!endsSearchWord(text, i, end)) i += text[i] === '\\' && i + 1 < end ? 2 : 1;
  const raw = text.slice(start, i);
  return { token: makeToken('word', raw, unescapeWord(raw), false, spaceBefore, start, i) };
}

/**
 * A search value after a comparator: everything up to whitespace, a parenthesis, a bracket, a
 * comma, a quote or a pipe, so `CommandLine=*a=b*` keeps its `=`. Parentheses glued to the value
 * belong to it (`process=*GetCurrent()*`, `_time>=relative_time(now(), "-1d")`): the search
 * command compares such text literally.
 */
export function lexSearchValue(text: string, pos: number, end: number): LexResult {
  const start = skipSpace(text, pos, end);
  const spaceBefore = start > pos;
  const c = text[start];
  if (start >= end) return { token: makeToken('eof', '', '', false, spaceBefore, start, start) };
  if (c === '"' || (c !== undefined && c in PUNCTUATION)) return lexToken('search', text, pos, end);
  let i = start;
  while (i < end) {
    const d = text[i];
    if (d === '(' && i > start) {
      const close = closingParenthesis(text, i, end);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (d === undefined || isSpace(d) || d in PUNCTUATION || d === '"' || d === '|') break;
    i += d === '\\' && i + 1 < end ? 2 : 1;
  }
  const raw = text.slice(start, i);
  return { token: makeToken('word', raw, unescapeWord(raw), false, spaceBefore, start, i) };
}

/** The `)` matching the `(` at `open`, skipping quoted strings; -1 if there is none. */
function closingParenthesis(text: string, open: number, end: number): number {
  let depth = 0;
  let i = open;
  const limit = Math.min(end, open + MAX_SCAN);
  while (i < limit) {
    const c = text[i];
    if (c === '"') {
      i = readQuoted(text, i, end, '"').end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === '|' || c === '[' || c === ']') return -1;
    i++;
  }
  return -1;
}

const EXPRESSION_OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=', '+', '-', '*', '/', '%', '.'];

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_@$]/.test(c);
}

/** `<<FIELD>>`, `<<MATCHSTR>>`: foreach template placeholders, kept as parts of field names. */
function templateAt(text: string, i: number, end: number): number {
  if (!text.startsWith('<<', i)) return 0;
  const close = text.slice(i + 2, Math.min(end, i + 2 + MAX_SCAN)).indexOf('>>') + i + 2;
  if (close < i + 2 || close + 2 > end || !/^[A-Za-z0-9_]+$/.test(text.slice(i + 2, close)))
    return 0;
  return close + 2 - i;
}

/**
 * Expression mode (eval, where): numbers, `"strings"`, `'quoted fields'`, identifiers and
 * operators. A `.` between identifier characters continues a field name (`userIdentity.userName`);
 * anywhere else it is the concatenation operator.
 */
function lexExpression(text: string, start: number, end: number, spaceBefore: boolean): LexResult {
  const c = text[start] ?? '';
  if (c === '"' || c === "'") {
    const q = readQuoted(text, start, end, c);
    const kind: TokenKind = c === '"' ? 'string' : 'field';
    const token = makeToken(
      kind,
      text.slice(start, q.end),
      q.value,
      true,
      spaceBefore,
      start,
      q.end,
    );
    return q.terminated ? { token } : { token, unterminated: { start, end } };
  }
  const number = /^(?:0x[0-9A-Fa-f]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(
    text.slice(start, Math.min(end, start + 64)),
  );
  if (number && !isIdentifierChar(text[start + number[0].length])) {
    const e = start + number[0].length;
    return { token: makeToken('number', number[0], number[0], false, spaceBefore, start, e) };
  }
  let i = start;
  for (;;) {
    const template = templateAt(text, i, end);
    if (template > 0) i += template;
    else if (i < end && isIdentifierChar(text[i])) i++;
    else if (
      i > start &&
      i + 1 < end &&
      text[i] === '.' &&
      (isIdentifierChar(text[i + 1]) || templateAt(text, i + 1, end) > 0)
    ) {
      i++;
    } else break;
  }
  if (i > start) {
    const raw = text.slice(start, i);
    return { token: makeToken('word', raw, raw, false, spaceBefore, start, i) };
  }
  const op = EXPRESSION_OPERATORS.find((o) => text.startsWith(o, start)) ?? c;
  return { token: makeToken('operator', op, op, false, spaceBefore, start, start + op.length) };
}
