// What top and rare share: `[N] [options] <fields> [by <fields>]`.
import type { TopArguments, TopOptions } from '../../ast/command.ts';
import { parseByClause } from '../aggregations.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import type { Cursor } from '../cursor.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseCount } from './count.ts';

const TOP_OPTIONS: OptionTable = {
  limit: 'integer',
  countfield: 'string',
  percentfield: 'string',
  showcount: 'boolean',
  showperc: 'boolean',
  useother: 'boolean',
  otherstr: 'string',
};

export function parseTopArguments(cursor: Cursor, command: string): TopArguments {
  const count = parseCount(cursor);
  const options = parseOptions<TopOptions>(cursor, command, TOP_OPTIONS);
  const fields = parseFieldList(cursor, ['by'], true);
  parseOptions(cursor, command, TOP_OPTIONS, options);
  if (fields.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field');
  const by = parseByClause(cursor, [], false);
  parseOptions(cursor, command, TOP_OPTIONS, options);
  expectEnd(cursor, command);
  return { ...(count ? { count } : {}), options, fields, ...(by ? { by } : {}) };
}
