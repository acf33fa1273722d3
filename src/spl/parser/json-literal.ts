// SPL 10 array and object literals in eval/where expressions: `[1, "a", x+1]`, `{a: "hello",
// 'b c': [1, 2], "d": {e: null}}` (Search Manual, "Array and object literals in expressions"):
// keys bare, single- or double-quoted; values any expression; a trailing comma is allowed.
import { span } from '../../core/index.ts';
import type { ArrayLiteral, Expr, ObjectLiteral, ObjectMember } from '../ast/expr.ts';
import type { Token } from '../lexer/token.ts';
import type { Cursor } from './cursor.ts';

/** Parses one element or member value (the expression parser, one level deeper). */
export type ParseValue = () => Expr;

/** `[` ... `]`, the `[` already read. */
export function parseArrayLiteral(
  cursor: Cursor,
  open: Token,
  parseValue: ParseValue,
): ArrayLiteral {
  const first = cursor.peek('expression');
  if (first.kind === 'operator' && first.text === '|') {
    cursor.fail(
      'SPL010',
      'a subsearch inside an expression is not supported; "[" here opens an array literal',
      first.span,
    );
  }
  const elements: Expr[] = [];
  for (;;) {
    if (cursor.peek('expression').kind === 'rbracket') break;
    elements.push(parseValue());
    if (!cursor.accept('expression', 'comma')) break;
  }
  const close = cursor.expect('expression', 'rbracket', '"," or "]" in the array literal');
  return { kind: 'Array', elements, span: span(open.span.start, close.span.end) };
}

/** `{` ... `}`, the `{` already read. */
export function parseObjectLiteral(
  cursor: Cursor,
  open: Token,
  parseValue: ParseValue,
): ObjectLiteral {
  const members: ObjectMember[] = [];
  for (;;) {
    if (isOperator(cursor.peek('expression'), '}')) break;
    const key = cursor.next('expression');
    if (key.kind !== 'word' && key.kind !== 'string' && key.kind !== 'field') {
      cursor.unexpected(key, 'a key (a name, "quoted" or \'quoted\') in the object literal');
    }
    const colon = cursor.next('expression');
    if (!isOperator(colon, ':')) cursor.unexpected(colon, `":" after the key ${key.text}`);
    const value = parseValue();
    members.push({ key: key.value, keyText: key.text, keySpan: key.span, value });
    if (!cursor.accept('expression', 'comma')) break;
  }
  const close = cursor.next('expression');
  if (!isOperator(close, '}')) cursor.unexpected(close, '"," or "}" in the object literal');
  return { kind: 'Object', members, span: span(open.span.start, close.span.end) };
}

function isOperator(token: Token, text: string): boolean {
  return token.kind === 'operator' && token.text === text;
}
