// Argument helpers shared by command parsers: field names, literal text, field lists, the end.
import { span } from '../../core/index.ts';
import type { FieldName } from '../ast/common.ts';
import { MAX_SCAN } from '../lexer/scan.ts';
import type { LexMode, Token } from '../lexer/token.ts';
import { fieldName } from './argument-nodes.ts';
import type { Cursor } from './cursor.ts';
import { atOption } from './options.ts';

/** Whether the next argument token is a field (a word or quoted string, not a keyword). */
export function atFieldToken(cursor: Cursor, stopWords: readonly string[] = []): boolean {
  const token = cursor.peek('argument');
  if (token.kind === 'string') return true;
  if (token.kind !== 'word') return false;
  return token.quoted || !stopWords.includes(token.text.toLowerCase());
}
/**
 * A field list separated by spaces and/or commas, up to the end, a stop word (`by`, `as`,
 * `output`, ...) or an option (`name=`).
 */
export function parseFieldList(
  cursor: Cursor,
  stopWords: readonly string[] = [],
  allowOptions = false,
): FieldName[] {
  const fields: FieldName[] = [];
  for (;;) {
    if (cursor.peek('argument').kind === 'comma') {
      cursor.next('argument');
      continue;
    }
    if (allowOptions && atOption(cursor)) break;
    if (!atFieldToken(cursor, stopWords)) break;
    fields.push(gluedParentheses(cursor, fieldName(cursor.next('argument'))));
  }
  return fields;
}
/** One field name, or SPL011/SPL010. */
export function expectField(cursor: Cursor, what: string): FieldName {
  const token = cursor.peek('argument');
  if (token.kind !== 'word' && token.kind !== 'string') cursor.unexpected(token, what);
  return fieldName(cursor.next('argument'));
}
/** Fails unless the command's text is used up. */
export function expectEnd(cursor: Cursor, command: string, mode: LexMode = 'argument'): void {
  const token = cursor.peek(mode);
  if (token.kind !== 'eof') {
    cursor.fail('SPL010', `unexpected ${describeToken(token)} in ${command}`, token.span);
  }
}

function describeToken(token: Token): string {
  return token.kind === 'string' ? `string ${token.text}` : `"${token.text}"`;
}
/**
 * `as aceFlags(inheritance)`, `fields - predicted(score)`: parentheses glued to a field name
 * belong to it, as Splunk's argument splitter keeps them (ESCU writes such names).
 */
export function gluedParentheses(cursor: Cursor, field: FieldName): FieldName {
  if (field.quoting !== 'none' || cursor.text[field.span.end] !== '(') return field;
  const window = cursor.text.slice(field.span.end, Math.min(cursor.end, field.span.end + MAX_SCAN));
  const offset = window.indexOf(')');
  if (offset < 0) return field;
  const close = field.span.end + offset;
  const end = close + 1;
  cursor.pos = end;
  return {
    ...field,
    name: cursor.text.slice(field.span.start, end),
    span: span(field.span.start, end),
  };
}
