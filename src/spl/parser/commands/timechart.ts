// `timechart [options] <aggregations> [by <field>]` (Search Reference, timechart).
import type { TimechartCommand, TimechartOptions } from '../../ast/command.ts';
import { parseAggregations, parseByClause } from '../aggregations.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  span: 'span',
  bins: 'integer',
  limit: 'integer',
  useother: 'boolean',
  usenull: 'boolean',
  otherstr: 'string',
  nullstr: 'string',
  cont: 'boolean',
  partial: 'boolean',
  fixedrange: 'boolean',
  minspan: 'span',
};

export const parseTimechart: CommandParser = (cursor, header): TimechartCommand => {
  const options = parseOptions<TimechartOptions>(cursor, 'timechart', OPTIONS);
  const aggregations = parseAggregations(cursor, ['by']);
  if (aggregations.length === 0) cursor.unexpected(cursor.peek('argument'), 'an aggregation');
  const by = parseByClause(cursor, []);
  parseOptions(cursor, 'timechart', OPTIONS, options);
  expectEnd(cursor, 'timechart');
  return {
    kind: 'Timechart',
    ...commandBase(cursor, header),
    options,
    aggregations,
    ...(by ? { by } : {}),
  };
};
