// Tokens of the SPL lexer: what a piece of text is, its source span, and its resolved value.
import type { Span } from '../../core/index.ts';

/**
 * - `word`: a bare run of characters (arguments, search terms, eval identifiers and keywords);
 *   in argument mode it may join adjacent quoted pieces (`"DNS".*` is one word `DNS.*`).
 * - `string`: a double-quoted string. `field`: a single-quoted eval field name.
 * - `number`: an eval number literal. `operator`: `= == != < <= > >= + - * / % .`.
 * - punctuation: `(` `)` `,` `[` `]`; `eof` ends the range being lexed.
 */
export type TokenKind =
  | 'word'
  | 'string'
  | 'field'
  | 'number'
  | 'operator'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'lbracket'
  | 'rbracket'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token, exactly as written. */
  readonly text: string;
  /** Quotes removed and escapes resolved (for `string`, `field` and quoted `word` pieces). */
  readonly value: string;
  /** Whether any part of the token was quoted: a quoted `by` is a field, not a keyword. */
  readonly quoted: boolean;
  /** Whether whitespace separates this token from the previous one. */
  readonly spaceBefore: boolean;
  readonly span: Span;
}

/** The three ways SPL text is cut into tokens; command parsers pick one per argument. */
export type LexMode = 'argument' | 'search' | 'expression';
