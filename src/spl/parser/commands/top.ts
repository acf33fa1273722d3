// `top` and `rare`: `[N] [options] <fields> [by <fields>]` (Search Reference, top and rare).
import type { RareCommand, TopArguments, TopCommand, TopOptions } from '../../ast/command.ts';
import { parseByClause } from '../aggregations.ts';
import { expectEnd, type OptionTable, parseFieldList, parseOptions } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { parseCount } from './count.ts';

const OPTIONS: OptionTable = {
  limit: 'integer',
  countfield: 'string',
  percentfield: 'string',
  showcount: 'boolean',
  showperc: 'boolean',
  useother: 'boolean',
  otherstr: 'string',
};

function parseTopArguments(cursor: Cursor, command: string): TopArguments {
  const count = parseCount(cursor);
  const options = parseOptions<TopOptions>(cursor, command, OPTIONS);
  const fields = parseFieldList(cursor, ['by'], true);
  parseOptions(cursor, command, OPTIONS, options);
  if (fields.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field');
  const by = parseByClause(cursor, [], false);
  parseOptions(cursor, command, OPTIONS, options);
  expectEnd(cursor, command);
  return { ...(count ? { count } : {}), options, fields, ...(by ? { by } : {}) };
}

export const parseTop: CommandParser = (cursor, header): TopCommand => {
  const args = parseTopArguments(cursor, 'top');
  return { kind: 'Top', ...commandBase(cursor, header), ...args };
};

export const parseRare: CommandParser = (cursor, header): RareCommand => {
  const args = parseTopArguments(cursor, 'rare');
  return { kind: 'Rare', ...commandBase(cursor, header), ...args };
};
