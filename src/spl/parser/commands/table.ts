// `table <fields>` (Search Reference, table).
import type { TableCommand } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseTable: CommandParser = (cursor, header): TableCommand => {
  const fields = parseFieldList(cursor);
  expectEnd(cursor, 'table');
  return { kind: 'Table', ...commandBase(cursor, header), fields };
};
