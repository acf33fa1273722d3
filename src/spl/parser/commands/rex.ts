// `rex [field=f] [max_match=N] [offset_field=f] [mode=sed] "<regex>"` (Search Reference, rex).
import type { RexCommand, RexOptions } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  field: 'field',
  max_match: 'integer',
  offset_field: 'field',
  mode: ['sed'],
};

export const parseRex: CommandParser = (cursor, header): RexCommand => {
  const options = parseOptions<RexOptions>(cursor, 'rex', OPTIONS);
  const token = cursor.peek('argument');
  if (token.kind !== 'string' && token.kind !== 'word') {
    cursor.unexpected(token, 'a quoted regular expression');
  }
  const pattern = textArgument(cursor.next('argument'));
  parseOptions(cursor, 'rex', OPTIONS, options);
  expectEnd(cursor, 'rex');
  return { kind: 'Rex', ...commandBase(cursor, header), options, pattern };
};
