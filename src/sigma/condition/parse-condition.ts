// Parses a condition string with pySigma's grammar: or < and < not < `x of` < parentheses.
//
// Hand-written (a dozen lines of grammar) so every error carries the span of the offending token.
// Keywords are whole words here; pySigma's pyparsing grammar also splits `notepad` into
// `not epad`, which no rule relies on (docs/sigma.md).
import { type Span, span } from '../../core/index.ts';
import type { ConditionExpr } from './condition-ast.ts';

export interface ConditionError {
  readonly message: string;
  readonly span: Span;
  readonly deprecated: boolean;
}

interface Token {
  readonly text: string;
  readonly span: Span;
}

const WORD = /[A-Za-z0-9_*-]+/y;
const IDENTIFIER = /^[A-Za-z0-9_-]+$/;
const PATTERN = /^[A-Za-z0-9_*]+$/;
const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them']);
/** Nesting limit: conditions are tiny; this keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 200;

export function parseCondition(text: string): ConditionExpr | ConditionError {
  const tokens = tokenize(text);
  if ('message' in tokens) return tokens;
  const parser = new ConditionParser(tokens, text.length);
  try {
    const expr = parser.parseOr(0);
    const rest = parser.peek();
    if (rest !== undefined) return fail(`unexpected "${rest.text}"`, rest.span);
    return expr;
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return e.detail;
    throw e;
  }
}

function fail(message: string, where: Span, deprecated = false): ConditionError {
  return { message, span: where, deprecated };
}

function tokenize(text: string): Token[] | ConditionError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ text: c, span: span(i, i + 1) });
      i++;
    } else if (c === '|') {
      return fail(
        'the pipe aggregation syntax is deprecated; use a correlation rule instead',
        span(i, text.length),
        true,
      );
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) return fail(`unexpected character "${c}"`, span(i, i + 1));
      tokens.push({ text: m[0], span: span(i, i + m[0].length) });
      i += m[0].length;
    }
  }
  return tokens;
}

class ConditionSyntaxError extends Error {
  readonly detail: ConditionError;

  constructor(detail: ConditionError) {
    super(detail.message);
    this.detail = detail;
  }
}

/** A token cursor; stateful by nature. */
class ConditionParser {
  private position = 0;
  private readonly tokens: readonly Token[];
  private readonly end: number;

  constructor(tokens: readonly Token[], end: number) {
    this.tokens = tokens;
    this.end = end;
  }

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token === undefined) {
      throw new ConditionSyntaxError(fail('unexpected end of condition', span(this.end, this.end)));
    }
    this.position++;
    return token;
  }

  private accept(text: string): boolean {
    if (this.peek()?.text !== text) return false;
    this.position++;
    return true;
  }

  parseOr(depth: number): ConditionExpr {
    const args = [this.parseAnd(depth)];
    while (this.accept('or')) args.push(this.parseAnd(depth));
    return combine('or', args);
  }

  private parseAnd(depth: number): ConditionExpr {
    const args = [this.parseNot(depth)];
    while (this.accept('and')) args.push(this.parseNot(depth));
    return combine('and', args);
  }

  private parseNot(depth: number): ConditionExpr {
    if (depth > MAX_DEPTH) {
      const where = this.peek()?.span ?? span(this.end, this.end);
      throw new ConditionSyntaxError(fail('condition nests too deeply', where));
    }
    const token = this.peek();
    if (token?.text === 'not') {
      this.position++;
      const arg = this.parseNot(depth + 1);
      return { kind: 'not', arg, span: span(token.span.start, arg.span.end) };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): ConditionExpr {
    const token = this.next();
    if (token.text === '(') {
      const inner = this.parseOr(depth + 1);
      const close = this.next();
      if (close.text !== ')') {
        throw new ConditionSyntaxError(fail(`expected ")" but found "${close.text}"`, close.span));
      }
      return inner;
    }
    if (
      (token.text === '1' || token.text === 'any' || token.text === 'all') &&
      this.peek()?.text === 'of'
    ) {
      this.position++;
      const pattern = this.next();
      if (pattern.text !== 'them' && !PATTERN.test(pattern.text)) {
        throw new ConditionSyntaxError(
          fail(
            `"${pattern.text}" is not a selector pattern (letters, digits, _ and *)`,
            pattern.span,
          ),
        );
      }
      return {
        kind: 'selector',
        quantifier: token.text === 'all' ? 'all' : 'any',
        pattern: pattern.text,
        span: span(token.span.start, pattern.span.end),
      };
    }
    if (token.text === ')' || KEYWORDS.has(token.text) || !IDENTIFIER.test(token.text)) {
      throw new ConditionSyntaxError(
        fail(`expected a search identifier but found "${token.text}"`, token.span),
      );
    }
    return { kind: 'id', name: token.text, span: token.span };
  }
}

function combine(kind: 'and' | 'or', args: ConditionExpr[]): ConditionExpr {
  const first = args[0] as ConditionExpr;
  if (args.length === 1) return first;
  const last = args[args.length - 1] as ConditionExpr;
  return { kind, args, span: span(first.span.start, last.span.end) };
}
