// `join [type=..] [usetime=b] [earlier=b] [overwrite=b] [max=N] [<fields>] [<subsearch>]`,
// `append [options] [<subsearch>]`, `appendpipe [run_in_preview=b] [<subpipeline>]`.
import type {
  AppendCommand,
  AppendOptions,
  AppendpipeCommand,
  AppendpipeOptions,
  JoinCommand,
  JoinOptions,
} from '../../ast/command.ts';
import { expectEnd, type OptionTable, parseFieldList, parseOptions } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseSubsearch } from '../subsearch.ts';

const JOIN_OPTIONS: OptionTable = {
  type: ['inner', 'outer', 'left'],
  usetime: 'boolean',
  earlier: 'boolean',
  overwrite: 'boolean',
  max: 'integer',
};
const APPEND_OPTIONS: OptionTable = {
  extendtimerange: 'boolean',
  maxtime: 'integer',
  maxout: 'integer',
  timeout: 'integer',
};

export const parseJoin: CommandParser = (cursor, header): JoinCommand => {
  const options = parseOptions<JoinOptions>(cursor, 'join', JOIN_OPTIONS);
  const fields = parseFieldList(cursor, [], true);
  parseOptions(cursor, 'join', JOIN_OPTIONS, options);
  const subsearch = parseSubsearch(cursor);
  expectEnd(cursor, 'join');
  return { kind: 'Join', ...commandBase(cursor, header), options, fields, subsearch };
};

export const parseAppend: CommandParser = (cursor, header): AppendCommand => {
  const options = parseOptions<AppendOptions>(cursor, 'append', APPEND_OPTIONS);
  const subsearch = parseSubsearch(cursor);
  expectEnd(cursor, 'append');
  return { kind: 'Append', ...commandBase(cursor, header), options, subsearch };
};

export const parseAppendpipe: CommandParser = (cursor, header): AppendpipeCommand => {
  const options = parseOptions<AppendpipeOptions>(cursor, 'appendpipe', {
    run_in_preview: 'boolean',
  });
  const subpipeline = parseSubsearch(cursor, 'subpipeline');
  expectEnd(cursor, 'appendpipe');
  return { kind: 'Appendpipe', ...commandBase(cursor, header), options, subpipeline };
};
