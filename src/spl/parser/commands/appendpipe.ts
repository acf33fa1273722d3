// `appendpipe [run_in_preview=b] [<subpipeline>]`: the subpipeline runs over the current results.
import type { AppendpipeCommand, AppendpipeOptions } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseOptions } from '../options.ts';
import { parseSubsearch } from '../subsearch.ts';

export const parseAppendpipe: CommandParser = (cursor, header): AppendpipeCommand => {
  const options = parseOptions<AppendpipeOptions>(cursor, 'appendpipe', {
    run_in_preview: 'boolean',
  });
  const subpipeline = parseSubsearch(cursor, 'subpipeline');
  expectEnd(cursor, 'appendpipe');
  return { kind: 'Appendpipe', ...commandBase(cursor, header), options, subpipeline };
};
