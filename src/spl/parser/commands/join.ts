// `join [type=..] [usetime=b] [earlier=b] [overwrite=b] [max=N] [<fields>] [<subsearch>]` (Search Reference, join).
import type { JoinCommand, JoinOptions } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseSubsearch } from '../subsearch.ts';

const JOIN_OPTIONS: OptionTable = {
  type: ['inner', 'outer', 'left'],
  usetime: 'boolean',
  earlier: 'boolean',
  overwrite: 'boolean',
  max: 'integer',
};

export const parseJoin: CommandParser = (cursor, header): JoinCommand => {
  const options = parseOptions<JoinOptions>(cursor, 'join', JOIN_OPTIONS);
  const fields = parseFieldList(cursor, [], true);
  parseOptions(cursor, 'join', JOIN_OPTIONS, options);
  const subsearch = parseSubsearch(cursor);
  expectEnd(cursor, 'join');
  return { kind: 'Join', ...commandBase(cursor, header), options, fields, subsearch };
};
