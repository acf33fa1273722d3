// Typed `name=value` options: each command's option table says how a value is read.
import { ownEntry, span } from '../../core/index.ts';
import type { CommandOption, OptionValue } from '../ast/common.ts';
import type { Expr } from '../ast/expr.ts';
import type { Token } from '../lexer/token.ts';
import { fieldName, textArgument } from './argument-nodes.ts';
import type { Cursor } from './cursor.ts';
import { parseEmbeddedExpression } from './embedded-expression.ts';
import { parseExpression } from './expression.ts';
import { parseSearchClause } from './search-clause.ts';
import { parseSpanValue } from './time-span.ts';

/**
 * How an option's value is read: a boolean (`t`, `true`, `1`, `f`, `false`, `0`), an integer, a
 * number, any text, a field name, a time span (`10s`, `1h`), a quoted search, `eval(<expr>)` or
 * `(<search>)` (transaction's startswith/endswith), an eval expression written as one argument
 * (streamstats' `reset_after="("<expr>")"`), or one of a fixed list of words.
 */
export type OptionType =
  | 'boolean'
  | 'integer'
  | 'number'
  | 'string'
  | 'field'
  | 'span'
  | 'search-or-eval'
  | 'expression'
  | readonly string[];

export type OptionTable = Readonly<Record<string, OptionType>>;
/** Whether the next tokens are `word=` (an option), in argument mode. */
export function atOption(cursor: Cursor): boolean {
  const name = cursor.peek('argument');
  if (name.kind !== 'word' || name.quoted) return false;
  const eq = cursor.peekSecond('argument');
  return eq.kind === 'operator' && eq.text === '=';
}
/**
 * Reads every `name=value` at the cursor whose name is in `table` (names are matched
 * case-insensitively and stored lower-case). An unknown name is SPL103 unless `stopAtUnknown`.
 */
export function parseOptions<T extends object>(
  cursor: Cursor,
  command: string,
  table: OptionTable,
  into?: T,
  stopAtUnknown = false,
): T {
  const target = (into ?? {}) as Record<string, CommandOption<OptionValue>>;
  while (atOption(cursor)) {
    const nameToken = cursor.peek('argument');
    const key = nameToken.text.toLowerCase();
    const type = ownEntry(table, key);
    if (type === undefined) {
      if (stopAtUnknown) break;
      const known = Object.keys(table);
      cursor.fail(
        'SPL103',
        `unknown option "${nameToken.text}" for ${command}${known.length > 0 ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`,
        nameToken.span,
      );
    }
    cursor.next('argument');
    cursor.next('argument');
    target[key] = parseOptionValue(cursor, command, nameToken, type);
  }
  return target as T;
}

function parseOptionValue(
  cursor: Cursor,
  command: string,
  name: Token,
  type: OptionType,
): CommandOption<OptionValue> {
  if (type === 'expression') {
    const { expr, span: at } = parseEmbeddedExpression(cursor, `${command} ${name.text}=`);
    return option(name, expr, cursor.text.slice(at.start, at.end), at);
  }
  if (type === 'search-or-eval' && cursor.atKeyword('argument', 'eval')) {
    const start = cursor.peek('argument').span.start;
    cursor.next('argument');
    cursor.expect('expression', 'lparen', '"(" after eval');
    const expr: Expr = parseExpression(cursor);
    const close = cursor.expect('expression', 'rparen', '")" to close eval(');
    return option(
      name,
      expr,
      cursor.text.slice(start, close.span.end),
      span(start, close.span.end),
    );
  }
  if (type === 'search-or-eval' && cursor.peek('argument').kind === 'lparen') {
    const open = cursor.next('search');
    const expr = parseSearchClause(cursor);
    if (!expr) cursor.unexpected(cursor.peek('search'), 'a search inside ( )');
    const close = cursor.expect('search', 'rparen', '")"');
    const at = span(open.span.start, close.span.end);
    return option(name, { ...expr, span: at }, cursor.text.slice(at.start, at.end), at);
  }
  const token = cursor.next('argument');
  if (token.kind !== 'word' && token.kind !== 'string') {
    cursor.unexpected(token, `a value for ${name.text}=`);
  }
  const value = convertValue(token, type);
  if (value === undefined) {
    cursor.fail(
      'SPL104',
      `bad value "${token.value}" for ${command} option ${name.text}: expected ${describeType(type)}`,
      token.span,
    );
  }
  return option(name, value, token.text, token.span);
}

function option<T extends OptionValue>(
  name: Token,
  value: T,
  text: string,
  valueSpan: ReturnType<typeof span>,
): CommandOption<T> {
  return {
    name: name.text,
    value,
    text,
    nameSpan: name.span,
    valueSpan,
    span: span(name.span.start, valueSpan.end),
  };
}

function convertValue(token: Token, type: OptionType): OptionValue | undefined {
  const text = token.value;
  if (Array.isArray(type)) {
    const lower = text.toLowerCase();
    return type.includes(lower) ? lower : undefined;
  }
  switch (type) {
    case 'boolean':
      return parseBoolean(text);
    case 'integer':
      return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
    case 'string':
      return text;
    case 'field':
      return fieldName(token);
    case 'span':
      return parseSpanValue(text);
    case 'search-or-eval':
      return textArgument(token);
  }
  return undefined;
}

function describeType(type: OptionType): string {
  if (Array.isArray(type)) return `one of ${type.join(', ')}`;
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'span':
      return 'a time span such as 10s, 5m, 1h, 1d';
    default:
      return String(type);
  }
}
/** Splunk booleans (Search Reference, "Common data types": `<bool>`). */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 't' || lower === 'true' || lower === '1') return true;
  if (lower === 'f' || lower === 'false' || lower === '0') return false;
  return undefined;
}
