// The eval/where expression parser: Pratt parsing driven by a binding-power table.
import { span } from '../../core/index.ts';
import type { BinaryOperator, Expr } from '../ast/expr.ts';
import type { Token } from '../lexer/token.ts';
import type { Cursor } from './cursor.ts';
import { parseArrayLiteral, parseObjectLiteral } from './json-literal.ts';

/**
 * Binding powers, loosest first. eval and where evaluate NOT, then AND, then OR, then XOR
 * (Search Manual, "Boolean expressions": order of evaluation); comparisons bind tighter than NOT,
 * arithmetic tighter than comparisons, as in the eval operator table (Search Reference, eval).
 */
const INFIX: Readonly<Record<string, { readonly op: BinaryOperator; readonly power: number }>> = {
  XOR: { op: 'XOR', power: 1 },
  OR: { op: 'OR', power: 2 },
  AND: { op: 'AND', power: 3 },
  '=': { op: '=', power: 5 },
  '==': { op: '==', power: 5 },
  '!=': { op: '!=', power: 5 },
  '<': { op: '<', power: 5 },
  '<=': { op: '<=', power: 5 },
  '>': { op: '>', power: 5 },
  '>=': { op: '>=', power: 5 },
  LIKE: { op: 'LIKE', power: 5 },
  '+': { op: '+', power: 6 },
  '-': { op: '-', power: 6 },
  '.': { op: '.', power: 6 },
  '*': { op: '*', power: 7 },
  '/': { op: '/', power: 7 },
  '%': { op: '%', power: 7 },
};
const NOT_POWER = 4;
const IN_POWER = 5;
const UNARY_POWER = 8;
/** Deeper nesting than this is refused (SPL012) so hostile input cannot overflow the stack. */
const MAX_DEPTH = 200;
/**
 * A chain of infix operators (`1+1+...`) builds a tree as tall as the chain: the tree's height
 * (nesting plus chains) above this is refused (SPL013), so no walker of the tree can overflow.
 */
export const MAX_EXPRESSION_HEIGHT = 1000;

/**
 * Keywords, any case: unlike the search command, eval and where accept `and`, `or`, `not`,
 * `like` (ESCU production searches rely on it, e.g. `if(x > 10 and y >= z, 1, 0)`).
 */
function keywordOf(token: Token): string | undefined {
  if (token.kind !== 'word') return undefined;
  const upper = token.text.toUpperCase();
  return ['AND', 'OR', 'XOR', 'NOT', 'LIKE', 'IN'].includes(upper) ? upper : undefined;
}

export function parseExpression(cursor: Cursor, depth = 0): Expr {
  return parseBinary(cursor, 0, depth, depth);
}

/**
 * `depth` counts nesting (parentheses, calls, prefix operators); `height` also counts the
 * operators of enclosing chains: every node of the tree built here lies at most `height` deep.
 */
function parseBinary(cursor: Cursor, minPower: number, depth: number, height: number): Expr {
  if (depth > MAX_DEPTH) {
    cursor.fail('SPL012', 'expression nested too deeply', cursor.peek('expression').span);
  }
  let left = parsePrefix(cursor, depth, height);
  for (let chain = 1; ; chain++) {
    const token = cursor.peek('expression');
    const keyword = keywordOf(token);
    if (keyword === 'IN' && IN_POWER > minPower) {
      tooTall(cursor, height + chain, token);
      cursor.next('expression');
      const values = parseArguments(cursor, depth, height + chain, 'IN list');
      left = { kind: 'In', operand: left, values, span: span(left.span.start, cursor.pos) };
      continue;
    }
    const key = keyword ?? (token.kind === 'operator' ? token.text : undefined);
    const infix = key === undefined ? undefined : INFIX[key];
    if (!infix || infix.power <= minPower) return left;
    tooTall(cursor, height + chain, token);
    cursor.next('expression');
    const right = parseBinary(cursor, infix.power, depth + 1, height + chain);
    left = {
      kind: 'Binary',
      op: infix.op,
      left,
      right,
      span: span(left.span.start, right.span.end),
    };
  }
}

function tooTall(cursor: Cursor, height: number, operator: Token): void {
  if (height > MAX_EXPRESSION_HEIGHT) {
    cursor.fail(
      'SPL013',
      `expression too long: more than ${MAX_EXPRESSION_HEIGHT} operators in a chain`,
      operator.span,
    );
  }
}

function parsePrefix(cursor: Cursor, depth: number, height: number): Expr {
  const token = cursor.next('expression');
  switch (token.kind) {
    case 'number':
      return { kind: 'Number', value: Number(token.text), text: token.text, span: token.span };
    case 'string':
      return { kind: 'String', value: token.value, raw: token.text, span: token.span };
    case 'field':
      return { kind: 'Field', name: token.value, quoted: true, span: token.span };
    case 'lparen': {
      const inner = parseBinary(cursor, 0, depth + 1, height + 1);
      const close = cursor.expect('expression', 'rparen', '")"');
      return widen(inner, token.span.start, close.span.end);
    }
    case 'lbracket':
      return parseArrayLiteral(cursor, token, () => parseBinary(cursor, 0, depth + 1, height + 1));
    case 'operator':
      if (token.text === '{') {
        return parseObjectLiteral(cursor, token, () =>
          parseBinary(cursor, 0, depth + 1, height + 1),
        );
      }
      if (token.text === '-' || token.text === '+') {
        const operand = parseBinary(cursor, UNARY_POWER, depth + 1, height + 1);
        return {
          kind: 'Unary',
          op: token.text,
          operand,
          span: span(token.span.start, operand.span.end),
        };
      }
      return cursor.unexpected(token, 'an expression');
    case 'word': {
      if (keywordOf(token) === 'NOT') {
        const operand = parseBinary(cursor, NOT_POWER, depth + 1, height + 1);
        return {
          kind: 'Unary',
          op: 'NOT',
          operand,
          span: span(token.span.start, operand.span.end),
        };
      }
      // `LIKE (x, "%a%")` and `mvindex (f, 1)`: Splunk allows space before a call's `(`.
      if (cursor.peek('expression').kind === 'lparen') {
        cursor.next('expression');
        const args = parseArgumentsAfterParen(cursor, depth, height, 'function arguments');
        return {
          kind: 'Call',
          name: token.text,
          args,
          nameSpan: token.span,
          span: span(token.span.start, cursor.pos),
        };
      }
      if (keywordOf(token) !== undefined) cursor.unexpected(token, 'an expression');
      return { kind: 'Field', name: token.text, quoted: false, span: token.span };
    }
    default:
      return cursor.unexpected(token, 'an expression');
  }
}

/** Parenthesised expressions keep the span of their parentheses, so carets cover them. */
function widen(expr: Expr, start: number, end: number): Expr {
  return { ...expr, span: span(start, end) };
}

/** `( a, b, ... )` including the opening parenthesis. */
function parseArguments(cursor: Cursor, depth: number, height: number, what: string): Expr[] {
  cursor.expect('expression', 'lparen', `"(" to open the ${what}`);
  return parseArgumentsAfterParen(cursor, depth, height, what);
}

function parseArgumentsAfterParen(
  cursor: Cursor,
  depth: number,
  height: number,
  what: string,
): Expr[] {
  const args: Expr[] = [];
  if (cursor.accept('expression', 'rparen')) return args;
  for (;;) {
    args.push(parseBinary(cursor, 0, depth + 1, height + 1));
    const token = cursor.next('expression');
    if (token.kind === 'rparen') return args;
    if (token.kind !== 'comma') cursor.unexpected(token, `"," or ")" in the ${what}`);
  }
}
