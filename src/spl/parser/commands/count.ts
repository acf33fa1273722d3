// The optional leading `N` of head, sort, dedup, top, rare.
import type { CommandOption } from '../../ast/common.ts';
import type { Cursor } from '../cursor.ts';

export function parseCount(cursor: Cursor): CommandOption<number> | undefined {
  const token = cursor.peek('argument');
  if (token.kind !== 'word' || token.quoted || !/^\d+$/.test(token.text)) return undefined;
  cursor.next('argument');
  return {
    name: '',
    value: Number(token.text),
    text: token.text,
    nameSpan: token.span,
    valueSpan: token.span,
    span: token.span,
  };
}
