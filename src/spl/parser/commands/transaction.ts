// `transaction [<fields>] [maxspan=..] [maxpause=..] [startswith=..] [endswith=..] ...`
// (Search Reference, transaction).
import type { FieldName, TransactionCommand, TransactionOptions } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = {
  maxspan: 'span',
  maxpause: 'span',
  maxevents: 'integer',
  startswith: 'search-or-eval',
  endswith: 'search-or-eval',
  connected: 'boolean',
  unifyends: 'boolean',
  keeporphans: 'boolean',
  keepevicted: 'boolean',
  mvlist: 'boolean',
  mvraw: 'boolean',
  delim: 'string',
  nullstr: 'string',
  maxopentxn: 'integer',
  maxopenevents: 'integer',
};

export const parseTransaction: CommandParser = (cursor, header): TransactionCommand => {
  const options = parseOptions<TransactionOptions>(cursor, 'transaction', OPTIONS);
  const fields: FieldName[] = [];
  for (;;) {
    const more = parseFieldList(cursor, [], true);
    fields.push(...more);
    const before = cursor.pos;
    parseOptions(cursor, 'transaction', OPTIONS, options);
    if (more.length === 0 && cursor.pos === before) break;
  }
  expectEnd(cursor, 'transaction');
  return { kind: 'Transaction', ...commandBase(cursor, header), fields, options };
};
