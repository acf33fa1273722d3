// `reverse`: no arguments (Search Reference, reverse).
import type { ReverseCommand } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseReverse: CommandParser = (cursor, header): ReverseCommand => {
  expectEnd(cursor, 'reverse');
  return { kind: 'Reverse', ...commandBase(cursor, header) };
};
