// `dedup [N] <fields> [keepevents=b] [keepempty=b] [consecutive=b] [sortby <keys>]`.
import type { DedupCommand, DedupOptions, SortKey } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseCount } from './count.ts';
import { parseSortKey } from './sort-keys.ts';

const OPTIONS: OptionTable = {
  keepevents: 'boolean',
  keepempty: 'boolean',
  consecutive: 'boolean',
};

export const parseDedup: CommandParser = (cursor, header): DedupCommand => {
  const count = parseCount(cursor);
  const options = parseOptions<DedupOptions>(cursor, 'dedup', OPTIONS);
  const fields = parseFieldList(cursor, ['sortby'], true);
  if (fields.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field to dedup by');
  parseOptions(cursor, 'dedup', OPTIONS, options);
  const sortBy: SortKey[] = [];
  if (cursor.atKeyword('argument', 'sortby')) {
    cursor.next('argument');
    do {
      sortBy.push(parseSortKey(cursor));
    } while (cursor.accept('argument', 'comma') || cursor.peek('argument').kind === 'word');
  }
  expectEnd(cursor, 'dedup');
  return {
    kind: 'Dedup',
    ...commandBase(cursor, header),
    ...(count ? { count } : {}),
    fields,
    options,
    sortBy,
  };
};
