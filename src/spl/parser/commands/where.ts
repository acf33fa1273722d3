// `where <eval-expression>` (Search Reference, where).
import type { WhereCommand } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseExpression } from '../expression.ts';

export const parseWhere: CommandParser = (cursor, header): WhereCommand => {
  const expr = parseExpression(cursor);
  expectEnd(cursor, 'where', 'expression');
  return { kind: 'Where', ...commandBase(cursor, header), expr };
};
