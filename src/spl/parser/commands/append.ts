// `append [extendtimerange=b] [maxtime=N] [maxout=N] [timeout=N] [<subsearch>]` (Search Reference, append).
import type { AppendCommand, AppendOptions } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseSubsearch } from '../subsearch.ts';

const APPEND_OPTIONS: OptionTable = {
  extendtimerange: 'boolean',
  maxtime: 'integer',
  maxout: 'integer',
  timeout: 'integer',
};

export const parseAppend: CommandParser = (cursor, header): AppendCommand => {
  const options = parseOptions<AppendOptions>(cursor, 'append', APPEND_OPTIONS);
  const subsearch = parseSubsearch(cursor);
  expectEnd(cursor, 'append');
  return { kind: 'Append', ...commandBase(cursor, header), options, subsearch };
};
