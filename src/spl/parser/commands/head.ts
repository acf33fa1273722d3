// `head [N] [limit=N] [(<expr>)] [null=b] [keeplast=b]` (Search Reference, head).
import type { HeadCommand, HeadOptions } from '../../ast/command.ts';
import type { Expr } from '../../ast/expr.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseExpression } from '../expression.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseCount } from './count.ts';

const OPTIONS: OptionTable = { limit: 'integer', null: 'boolean', keeplast: 'boolean' };

export const parseHead: CommandParser = (cursor, header): HeadCommand => {
  const count = parseCount(cursor);
  const options = parseOptions<HeadOptions>(cursor, 'head', OPTIONS);
  let condition: Expr | undefined;
  if (cursor.peek('argument').kind === 'lparen') {
    condition = parseExpression(cursor);
    parseOptions(cursor, 'head', OPTIONS, options);
  }
  expectEnd(cursor, 'head');
  return {
    kind: 'Head',
    ...commandBase(cursor, header),
    ...(count ? { count } : {}),
    ...(condition ? { condition } : {}),
    options,
  };
};
