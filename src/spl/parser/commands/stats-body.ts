// What stats, eventstats and streamstats share: options, aggregations, by-clause.
import { parseAggregations, parseByClause } from '../aggregations.ts';
import { expectEnd } from '../arguments.ts';
import type { Cursor } from '../cursor.ts';
import { type OptionTable, parseOptions } from '../options.ts';

export function parseStatsBody<O extends object>(
  cursor: Cursor,
  command: string,
  table: OptionTable,
) {
  const options = parseOptions<O>(cursor, command, table);
  const aggregations = parseAggregations(cursor, ['by']);
  if (aggregations.length === 0) {
    cursor.unexpected(
      cursor.peek('argument'),
      `an aggregation such as count or values(field) in ${command}`,
    );
  }
  // Options may also follow the aggregations and the by-clause (Search Reference, streamstats:
  // `streamstats count BY shift reset_on_change=true`, `streamstats avg(foo) window=5`).
  const between = parseOptions<O>(cursor, command, table);
  const by = parseByClause(cursor, []);
  const after = parseOptions<O>(cursor, command, table);
  expectEnd(cursor, command);
  return { options: { ...options, ...between, ...after }, aggregations, ...(by ? { by } : {}) };
}
