// `iplocation [prefix=p] [allfields=b] [lang=l] <field>` (Search Reference, iplocation).
import type { IplocationCommand, IplocationOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseFieldWithOptions } from './field-with-options.ts';

export const parseIplocation: CommandParser = (cursor, header): IplocationCommand => {
  const parsed = parseFieldWithOptions<IplocationOptions>(cursor, 'iplocation', {
    prefix: 'string',
    allfields: 'boolean',
    lang: 'string',
  });
  return { kind: 'Iplocation', ...commandBase(cursor, header), ...parsed };
};
