// `inputlookup [options] <table> [where <search>]` (Search Reference, inputlookup).
import type { InputlookupCommand, InputlookupOptions } from '../../ast/command.ts';
import type { SearchExpr } from '../../ast/search.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseSearchClause } from '../search-clause.ts';
import { parseLookupTable } from './lookup-table.ts';

const INPUT_OPTIONS: OptionTable = {
  append: 'boolean',
  strict: 'boolean',
  start: 'integer',
  max: 'integer',
};

export const parseInputlookup: CommandParser = (cursor, header): InputlookupCommand => {
  const options = parseOptions<InputlookupOptions>(cursor, 'inputlookup', INPUT_OPTIONS);
  const table = parseLookupTable(cursor);
  parseOptions(cursor, 'inputlookup', INPUT_OPTIONS, options);
  let where: SearchExpr | undefined;
  if (cursor.atKeyword('argument', 'where')) {
    cursor.next('argument');
    where = parseSearchClause(cursor);
    if (!where) cursor.unexpected(cursor.peek('search'), 'a search after where');
  }
  expectEnd(cursor, 'inputlookup', 'search');
  return {
    kind: 'Inputlookup',
    ...commandBase(cursor, header),
    options,
    table,
    ...(where ? { where } : {}),
  };
};
