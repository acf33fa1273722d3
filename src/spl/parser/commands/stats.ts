// `stats`, `eventstats`, `streamstats`: options, aggregations, by-clause (Search Reference).
import type {
  EventstatsCommand,
  EventstatsOptions,
  StatsCommand,
  StatsOptions,
  StreamstatsCommand,
  StreamstatsOptions,
} from '../../ast/command.ts';
import { parseAggregations, parseByClause } from '../aggregations.ts';
import { expectEnd, type OptionTable, parseOptions } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';

const STATS_OPTIONS: OptionTable = {
  allnum: 'boolean',
  delim: 'string',
  partitions: 'integer',
  dedup_splitvals: 'boolean',
};
const EVENTSTATS_OPTIONS: OptionTable = { allnum: 'boolean' };
const STREAMSTATS_OPTIONS: OptionTable = {
  current: 'boolean',
  window: 'integer',
  global: 'boolean',
  allnum: 'boolean',
  time_window: 'span',
  reset_on_change: 'boolean',
  reset_before: 'string',
  reset_after: 'string',
};

function parseBody<O extends object>(cursor: Cursor, command: string, table: OptionTable) {
  const options = parseOptions<O>(cursor, command, table);
  const aggregations = parseAggregations(cursor, ['by']);
  if (aggregations.length === 0) {
    cursor.unexpected(
      cursor.peek('argument'),
      `an aggregation such as count or values(field) in ${command}`,
    );
  }
  const by = parseByClause(cursor, []);
  expectEnd(cursor, command);
  return { options, aggregations, ...(by ? { by } : {}) };
}

export const parseStats: CommandParser = (cursor, header): StatsCommand => {
  const body = parseBody<StatsOptions>(cursor, 'stats', STATS_OPTIONS);
  return { kind: 'Stats', ...commandBase(cursor, header), ...body };
};

export const parseEventstats: CommandParser = (cursor, header): EventstatsCommand => {
  const body = parseBody<EventstatsOptions>(cursor, 'eventstats', EVENTSTATS_OPTIONS);
  return { kind: 'Eventstats', ...commandBase(cursor, header), ...body };
};

export const parseStreamstats: CommandParser = (cursor, header): StreamstatsCommand => {
  const body = parseBody<StreamstatsOptions>(cursor, 'streamstats', STREAMSTATS_OPTIONS);
  return { kind: 'Streamstats', ...commandBase(cursor, header), ...body };
};
