// The lookup table name argument of inputlookup and outputlookup.
import type { TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import type { Cursor } from '../cursor.ts';

export function parseLookupTable(cursor: Cursor): TextArgument {
  const token = cursor.peek('argument');
  if (token.kind !== 'word' && token.kind !== 'string')
    cursor.unexpected(token, 'a lookup table name');
  return textArgument(cursor.next('argument'));
}
