// Character classes, look-ahead limits and token construction shared by the lexing modes.
import { span } from '../../core/index.ts';
import type { Token, TokenKind } from './token.ts';

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

export const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
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
