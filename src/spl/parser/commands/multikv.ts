// `multikv [options] [fields f...] [filter term...]` (Search Reference, multikv).
import type { FieldName, MultikvCommand, MultikvOptions, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

export const parseMultikv: CommandParser = (cursor, header): MultikvCommand => {
  const table: OptionTable = {
    conf: 'string',
    forceheader: 'integer',
    noheader: 'boolean',
    rmorig: 'boolean',
  };
  const options = parseOptions<MultikvOptions>(cursor, 'multikv', table);
  let fields: FieldName[] = [];
  const filters: TextArgument[] = [];
  for (;;) {
    parseOptions(cursor, 'multikv', table, options);
    if (cursor.atKeyword('argument', 'fields')) {
      cursor.next('argument');
      fields = parseFieldList(cursor, ['filter'], true);
    } else if (cursor.atKeyword('argument', 'filter')) {
      cursor.next('argument');
      while (cursor.peek('argument').kind === 'word' || cursor.peek('argument').kind === 'string') {
        if (cursor.atKeyword('argument', 'fields')) break;
        filters.push(textArgument(cursor.next('argument')));
      }
    } else break;
  }
  expectEnd(cursor, 'multikv');
  return { kind: 'Multikv', ...commandBase(cursor, header), options, fields, filters };
};
