// `sort [N] [limit=N] <keys> [d|desc]` (Search Reference, sort).
import type { SortCommand, SortKey, SortOptions, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseCount } from './count.ts';
import { parseSortKey } from './sort-keys.ts';

const OPTIONS: OptionTable = { limit: 'integer' };

export const parseSort: CommandParser = (cursor, header): SortCommand => {
  const count = parseCount(cursor);
  const options = parseOptions<SortOptions>(cursor, 'sort', OPTIONS);
  const keys: SortKey[] = [];
  let reverse: TextArgument | undefined;
  for (;;) {
    if (keys.length > 0 && cursor.accept('argument', 'comma')) continue;
    const token = cursor.peek('argument');
    if (token.kind === 'eof') break;
    if (
      keys.length > 0 &&
      cursor.atKeyword('argument', 'd', 'desc') &&
      cursor.peekSecond('argument').kind === 'eof'
    ) {
      reverse = textArgument(cursor.next('argument'));
      break;
    }
    keys.push(parseSortKey(cursor));
  }
  if (keys.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field to sort by');
  expectEnd(cursor, 'sort');
  return {
    kind: 'Sort',
    ...commandBase(cursor, header),
    ...(count ? { count } : {}),
    options,
    keys,
    ...(reverse ? { reverse } : {}),
  };
};
