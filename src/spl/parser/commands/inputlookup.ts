// `inputlookup [options] <table> [where <search>]` and `outputlookup [options] <table>`.
import type {
  InputlookupCommand,
  InputlookupOptions,
  OutputlookupCommand,
  OutputlookupOptions,
  TextArgument,
} from '../../ast/command.ts';
import type { SearchExpr } from '../../ast/search.ts';
import { expectEnd, type OptionTable, parseOptions, textArgument } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { parseSearchClause } from '../search-clause.ts';

const INPUT_OPTIONS: OptionTable = {
  append: 'boolean',
  strict: 'boolean',
  start: 'integer',
  max: 'integer',
};
const OUTPUT_OPTIONS: OptionTable = {
  append: 'boolean',
  create_empty: 'boolean',
  override_if_empty: 'boolean',
  max: 'integer',
  key_field: 'string',
  createinapp: 'boolean',
  output_format: 'string',
};

function parseTable(cursor: Cursor): TextArgument {
  const token = cursor.peek('argument');
  if (token.kind !== 'word' && token.kind !== 'string')
    cursor.unexpected(token, 'a lookup table name');
  return textArgument(cursor.next('argument'));
}

export const parseInputlookup: CommandParser = (cursor, header): InputlookupCommand => {
  const options = parseOptions<InputlookupOptions>(cursor, 'inputlookup', INPUT_OPTIONS);
  const table = parseTable(cursor);
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

export const parseOutputlookup: CommandParser = (cursor, header): OutputlookupCommand => {
  const options = parseOptions<OutputlookupOptions>(cursor, 'outputlookup', OUTPUT_OPTIONS);
  const table = parseTable(cursor);
  parseOptions(cursor, 'outputlookup', OUTPUT_OPTIONS, options);
  expectEnd(cursor, 'outputlookup');
  return { kind: 'Outputlookup', ...commandBase(cursor, header), options, table };
};
