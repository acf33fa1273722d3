// `fromjson <field> [prefix=p]` (Search Reference, fromjson).
import type { FromjsonCommand, FromjsonOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseFieldWithOptions } from './field-with-options.ts';

export const parseFromjson: CommandParser = (cursor, header): FromjsonCommand => {
  const parsed = parseFieldWithOptions<FromjsonOptions>(cursor, 'fromjson', { prefix: 'string' });
  return { kind: 'Fromjson', ...commandBase(cursor, header), ...parsed };
};
