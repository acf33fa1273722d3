// `mvexpand <field> [limit=N]` (Search Reference, mvexpand).
import type { MvexpandCommand, MvexpandOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseFieldWithOptions } from './field-with-options.ts';

export const parseMvexpand: CommandParser = (cursor, header): MvexpandCommand => {
  const parsed = parseFieldWithOptions<MvexpandOptions>(cursor, 'mvexpand', { limit: 'integer' });
  return { kind: 'Mvexpand', ...commandBase(cursor, header), ...parsed };
};
