// `makeresults [N] [count=N] [annotate=b] [splunk_server=s] [format=csv|json data=...]`. The
// positional `N` is the count: SPL2's documented spelling (SPL2 Search Reference, makeresults),
// which Splunk's own classic pages use too (`| makeresults 1 | eval _raw = ...`, searchmatch in
// Comparison and Conditional functions).
import type { MakeresultsCommand, MakeresultsOptions } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseCount } from './count.ts';

const OPTIONS: OptionTable = {
  count: 'integer',
  annotate: 'boolean',
  splunk_server: 'string',
  splunk_server_group: 'string',
  format: ['csv', 'json'],
  data: 'string',
};

export const parseMakeresults: CommandParser = (cursor, header): MakeresultsCommand => {
  const count = parseCount(cursor);
  const options = parseOptions<MakeresultsOptions>(cursor, 'makeresults', OPTIONS);
  if (count && options.count) {
    cursor.fail('SPL104', 'makeresults takes its count once: N or count=N', options.count.span);
  }
  expectEnd(cursor, 'makeresults');
  return {
    kind: 'Makeresults',
    ...commandBase(cursor, header),
    ...(count ? { count } : {}),
    options,
  };
};
