// The shape most extraction commands share: options, one field, options again.
import type { FieldName } from '../../ast/command.ts';
import { expectEnd, expectField } from '../arguments.ts';
import type { Cursor } from '../cursor.ts';
import { type OptionTable, parseOptions } from '../options.ts';

export function parseFieldWithOptions<O extends object>(
  cursor: Cursor,
  command: string,
  table: OptionTable,
): { options: O; field: FieldName } {
  const options = parseOptions<O>(cursor, command, table);
  const field = expectField(cursor, `the field ${command} reads`);
  parseOptions(cursor, command, table, options);
  expectEnd(cursor, command);
  return { options, field };
}
