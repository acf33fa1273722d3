// `addtotals [row=b] [col=b] [labelfield=f] [label=s] [fieldname=f] [<fields>]`.
import type { AddtotalsCommand, AddtotalsOptions, FieldName } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  row: 'boolean',
  col: 'boolean',
  labelfield: 'string',
  label: 'string',
  fieldname: 'string',
};

export const parseAddtotals: CommandParser = (cursor, header): AddtotalsCommand => {
  const options = parseOptions<AddtotalsOptions>(cursor, 'addtotals', OPTIONS);
  const fields: FieldName[] = [];
  for (;;) {
    const more = parseFieldList(cursor, [], true);
    fields.push(...more);
    const before = cursor.pos;
    parseOptions(cursor, 'addtotals', OPTIONS, options);
    if (more.length === 0 && cursor.pos === before) break;
  }
  expectEnd(cursor, 'addtotals');
  return { kind: 'Addtotals', ...commandBase(cursor, header), options, fields };
};
