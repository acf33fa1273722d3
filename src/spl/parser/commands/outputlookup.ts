// `outputlookup [options] <table>` (Search Reference, outputlookup).
import type { OutputlookupCommand, OutputlookupOptions } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseLookupTable } from './lookup-table.ts';

const OUTPUT_OPTIONS: OptionTable = {
  append: 'boolean',
  create_empty: 'boolean',
  override_if_empty: 'boolean',
  max: 'integer',
  key_field: 'string',
  createinapp: 'boolean',
  output_format: 'string',
};

export const parseOutputlookup: CommandParser = (cursor, header): OutputlookupCommand => {
  const options = parseOptions<OutputlookupOptions>(cursor, 'outputlookup', OUTPUT_OPTIONS);
  const table = parseLookupTable(cursor);
  parseOptions(cursor, 'outputlookup', OUTPUT_OPTIONS, options);
  expectEnd(cursor, 'outputlookup');
  return { kind: 'Outputlookup', ...commandBase(cursor, header), options, table };
};
