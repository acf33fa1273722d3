// `rare [N] [options] <fields> [by <fields>]`: least common values (Search Reference, rare).
import type { RareCommand } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseTopArguments } from './top-arguments.ts';

export const parseRare: CommandParser = (cursor, header): RareCommand => {
  const args = parseTopArguments(cursor, 'rare');
  return { kind: 'Rare', ...commandBase(cursor, header), ...args };
};
