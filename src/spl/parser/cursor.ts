// A position in one command's text, read token by token in the mode each argument needs.
import { type Diagnostic, error, type Span, span } from '../../core/index.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import { lexSearchValue } from '../lexer/lex-search.ts';
import { lexToken } from '../lexer/lex-token.ts';
import type { LexResult } from '../lexer/scan.ts';
import type { LexMode, Token, TokenKind } from '../lexer/token.ts';

/** Thrown inside a command parser to give up on that command; the pipeline parser catches it. */
export class SplSyntaxError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'SplSyntaxError';
    this.diagnostic = diagnostic;
  }
}

export type NestedKind = 'subsearch' | 'subpipeline';

/** What a command parser may ask of the pipeline parser. */
export interface ParseContext {
  /**
   * Parses `text[start, end)` as a nested pipeline: a `subsearch` starts like a whole search
   * (implicit search or `|`), a `subpipeline` (appendpipe, foreach) starts with a command.
   */
  readonly parseNested: (start: number, end: number, kind: NestedKind) => Pipeline;
}

/** Stateful reader over `text[pos, end)`; tokens are lexed on demand in the requested mode. */
export class Cursor {
  readonly text: string;
  readonly end: number;
  readonly context: ParseContext;
  pos: number;
  private cached: { pos: number; mode: LexMode | 'value'; result: LexResult } | undefined;

  constructor(text: string, start: number, end: number, context: ParseContext) {
    this.text = text;
    this.pos = start;
    this.end = end;
    this.context = context;
  }

  peek(mode: LexMode): Token {
    return this.lex(mode).token;
  }

  next(mode: LexMode): Token {
    const { token } = this.lex(mode);
    this.pos = token.span.end;
    return token;
  }

  /** A search value after a comparator (keeps `=` and `*` inside the value). */
  nextSearchValue(): Token {
    const result = this.lex('value');
    this.pos = result.token.span.end;
    return result.token;
  }

  /** The token after the next one, in the same mode (two-token lookahead). */
  peekSecond(mode: LexMode): Token {
    const first = this.peek(mode);
    const result = lexToken(mode, this.text, first.span.end, this.end);
    return result.token;
  }

  atEnd(mode: LexMode = 'argument'): boolean {
    return this.peek(mode).kind === 'eof';
  }

  /** Consumes the next token if it is `kind` (and `text`, compared case-insensitively). */
  accept(mode: LexMode, kind: TokenKind, text?: string): Token | undefined {
    const token = this.peek(mode);
    if (token.kind !== kind) return undefined;
    if (text !== undefined && (token.quoted || token.text.toLowerCase() !== text.toLowerCase())) {
      return undefined;
    }
    return this.next(mode);
  }

  expect(mode: LexMode, kind: TokenKind, what: string): Token {
    const token = this.peek(mode);
    if (token.kind !== kind) this.unexpected(token, what);
    return this.next(mode);
  }

  /** Whether the next token is the bare keyword `word` (case-insensitive, never quoted). */
  atKeyword(mode: LexMode, ...words: string[]): boolean {
    const token = this.peek(mode);
    return token.kind === 'word' && !token.quoted && words.includes(token.text.toLowerCase());
  }

  unexpected(token: Token, expected: string): never {
    if (token.kind === 'eof') {
      this.fail('SPL011', `expected ${expected}, found the end of the command`, token.span);
    }
    if (token.span.end === token.span.start) {
      // A character no token of this mode can start with (a `|` in a text that is one command).
      const at = { start: token.span.start, end: token.span.start + 1 };
      this.fail('SPL010', `expected ${expected}, found "${this.text[at.start]}"`, at);
    }
    this.fail('SPL010', `expected ${expected}, found ${describe(token)}`, token.span);
  }

  fail(code: string, message: string, at: Span): never {
    throw new SplSyntaxError(error(code, message, { span: at }));
  }

  private lex(mode: LexMode | 'value'): LexResult {
    const cached = this.cached;
    if (cached && cached.pos === this.pos && cached.mode === mode) return cached.result;
    const result =
      mode === 'value'
        ? lexSearchValue(this.text, this.pos, this.end)
        : lexToken(mode, this.text, this.pos, this.end);
    if (result.unterminated) {
      this.fail(
        'SPL001',
        'unterminated quoted string',
        span(result.unterminated.start, result.unterminated.start + 1),
      );
    }
    this.cached = { pos: this.pos, mode, result };
    return result;
  }
}

export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the command';
    case 'string':
      return `the string ${token.text}`;
    default:
      return `"${token.text}"`;
  }
}
