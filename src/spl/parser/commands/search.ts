// `search <search-expression>`: filters rows with the search-clause language (Search Reference, search).
import type { SearchCommand } from '../../ast/command.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseSearchClause } from '../search-clause.ts';

export const parseSearch: CommandParser = (cursor, header): SearchCommand => {
  const expr = parseSearchClause(cursor);
  expectEnd(cursor, 'search', 'search');
  return {
    kind: 'Search',
    ...commandBase(cursor, header),
    implicit: false,
    ...(expr ? { expr } : {}),
  };
};
