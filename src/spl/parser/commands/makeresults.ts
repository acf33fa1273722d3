// `makeresults [count=N] [annotate=b] [splunk_server=s] [format=csv|json data=...]`.
import type { MakeresultsCommand, MakeresultsOptions } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  count: 'integer',
  annotate: 'boolean',
  splunk_server: 'string',
  splunk_server_group: 'string',
  format: ['csv', 'json'],
  data: 'string',
};

export const parseMakeresults: CommandParser = (cursor, header): MakeresultsCommand => {
  const options = parseOptions<MakeresultsOptions>(cursor, 'makeresults', OPTIONS);
  expectEnd(cursor, 'makeresults');
  return { kind: 'Makeresults', ...commandBase(cursor, header), options };
};
