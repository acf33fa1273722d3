// `makemv [delim=s|tokenizer=re] [allowempty=b] [setsv=b] <field>` (Search Reference, makemv).
import type { MakemvCommand, MakemvOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseFieldWithOptions } from './field-with-options.ts';

export const parseMakemv: CommandParser = (cursor, header): MakemvCommand => {
  const parsed = parseFieldWithOptions<MakemvOptions>(cursor, 'makemv', {
    delim: 'string',
    tokenizer: 'string',
    allowempty: 'boolean',
    setsv: 'boolean',
  });
  return { kind: 'Makemv', ...commandBase(cursor, header), ...parsed };
};
