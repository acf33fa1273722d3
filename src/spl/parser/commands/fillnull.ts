// `fillnull [value=<string>] [<fields>]` (Search Reference, fillnull).
import type { FillnullCommand, FillnullOptions } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = { value: 'string' };

export const parseFillnull: CommandParser = (cursor, header): FillnullCommand => {
  const options = parseOptions<FillnullOptions>(cursor, 'fillnull', OPTIONS);
  const fields = parseFieldList(cursor, [], true);
  parseOptions(cursor, 'fillnull', OPTIONS, options);
  expectEnd(cursor, 'fillnull');
  return { kind: 'Fillnull', ...commandBase(cursor, header), options, fields };
};
