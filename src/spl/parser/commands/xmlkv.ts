// `xmlkv [field] [maxinputs=N]` (Search Reference, xmlkv).
import type { FieldName, XmlkvCommand, XmlkvOptions } from '../../ast/command.ts';
import { fieldName } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

export const parseXmlkv: CommandParser = (cursor, header): XmlkvCommand => {
  const table: OptionTable = { maxinputs: 'integer' };
  const options = parseOptions<XmlkvOptions>(cursor, 'xmlkv', table);
  let field: FieldName | undefined;
  const token = cursor.peek('argument');
  if (token.kind === 'word' || token.kind === 'string') field = fieldName(cursor.next('argument'));
  parseOptions(cursor, 'xmlkv', table, options);
  expectEnd(cursor, 'xmlkv');
  return { kind: 'Xmlkv', ...commandBase(cursor, header), options, ...(field ? { field } : {}) };
};
