// `rename <old> AS <new>, ...` with wildcards (Search Reference, rename).
import { span } from '../../../core/index.ts';
import type { RenameCommand, RenamePair } from '../../ast/command.ts';
import { expectEnd, expectField } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseRename: CommandParser = (cursor, header): RenameCommand => {
  const renames: RenamePair[] = [];
  do {
    const from = expectField(cursor, 'a field to rename');
    if (!cursor.atKeyword('argument', 'as'))
      cursor.unexpected(cursor.peek('argument'), `"AS" after ${from.name}`);
    const keyword = cursor.next('argument').text;
    const to = expectField(cursor, 'the new field name');
    renames.push({
      kind: 'RenamePair',
      from,
      keyword,
      to,
      span: span(from.span.start, to.span.end),
    });
    cursor.accept('argument', 'comma');
  } while (cursor.peek('argument').kind !== 'eof');
  expectEnd(cursor, 'rename');
  return { kind: 'Rename', ...commandBase(cursor, header), renames };
};
