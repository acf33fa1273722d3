// `fields [+|-] <fields>` (Search Reference, fields).
import type { FieldsCommand } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseFields: CommandParser = (cursor, header): FieldsCommand => {
  const sign = cursor.peek('argument');
  const explicitMode = sign.kind === 'word' && (sign.text === '-' || sign.text === '+');
  if (explicitMode) cursor.next('argument');
  const fields = parseFieldList(cursor);
  if (fields.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field name');
  expectEnd(cursor, 'fields');
  const mode = explicitMode && sign.text === '-' ? 'remove' : 'keep';
  return { kind: 'Fields', ...commandBase(cursor, header), mode, explicitMode, fields };
};
