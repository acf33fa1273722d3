// `[ ... ]`: a subsearch, parsed as a nested pipeline from any lexing mode.
import { span } from '../../core/index.ts';
import type { Subsearch } from '../ast/common.ts';
import { findClosingBracket, skipSpace } from '../lexer/index.ts';
import type { Cursor, NestedKind } from './cursor.ts';

export function parseSubsearch(cursor: Cursor, kind: NestedKind = 'subsearch'): Subsearch {
  const open = skipSpace(cursor.text, cursor.pos, cursor.end);
  if (cursor.text[open] !== '[')
    cursor.unexpected(cursor.peek('argument'), '"[" to open a subsearch');
  const close = findClosingBracket(cursor.text, open, cursor.end);
  if (close < 0) cursor.fail('SPL002', 'unclosed "[": subsearch has no "]"', span(open, open + 1));
  const pipeline = cursor.context.parseNested(open + 1, close, kind);
  cursor.pos = close + 1;
  return { kind: 'Subsearch', pipeline, span: span(open, close + 1) };
}
