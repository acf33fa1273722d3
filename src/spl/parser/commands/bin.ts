// `bin|bucket [span=..] [bins=N] [minspan=..] [start=N] [end=N] [aligntime=..] <field> [AS <alias>]`.
import type { BinCommand, BinOptions, FieldName } from '../../ast/command.ts';
import { expectEnd, expectField } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  span: 'span',
  bins: 'integer',
  minspan: 'span',
  start: 'number',
  end: 'number',
  aligntime: 'string',
};

export const parseBin: CommandParser = (cursor, header): BinCommand => {
  const options = parseOptions<BinOptions>(cursor, header.name, OPTIONS);
  const field = expectField(cursor, 'the field to bin');
  parseOptions(cursor, header.name, OPTIONS, options);
  let alias: FieldName | undefined;
  let aliasKeyword: string | undefined;
  if (cursor.atKeyword('argument', 'as')) {
    aliasKeyword = cursor.next('argument').text;
    alias = expectField(cursor, 'a field name after AS');
  }
  parseOptions(cursor, header.name, OPTIONS, options);
  expectEnd(cursor, header.name);
  return {
    kind: 'Bin',
    ...commandBase(cursor, header),
    options,
    field,
    ...(alias && aliasKeyword ? { alias, aliasKeyword } : {}),
  };
};
