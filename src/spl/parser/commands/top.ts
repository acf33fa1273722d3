// `top [N] [options] <fields> [by <fields>]`: most common values (Search Reference, top).
import type { TopCommand } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseTopArguments } from './top-arguments.ts';

export const parseTop: CommandParser = (cursor, header): TopCommand => {
  const args = parseTopArguments(cursor, 'top');
  return { kind: 'Top', ...commandBase(cursor, header), ...args };
};
