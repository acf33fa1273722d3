// `spath [input=f] [output=f] [path=p | p]` (Search Reference, spath).
import type { SpathCommand, SpathOptions, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

export const parseSpath: CommandParser = (cursor, header): SpathCommand => {
  const table: OptionTable = { input: 'field', output: 'field', path: 'string' };
  const options = parseOptions<SpathOptions>(cursor, 'spath', table);
  let path: TextArgument | undefined;
  const token = cursor.peek('argument');
  if (token.kind === 'word' || token.kind === 'string')
    path = textArgument(cursor.next('argument'));
  parseOptions(cursor, 'spath', table, options);
  expectEnd(cursor, 'spath');
  return { kind: 'Spath', ...commandBase(cursor, header), options, ...(path ? { path } : {}) };
};
