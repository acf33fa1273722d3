// `stats [options] <aggregations> [by fields]` (Search Reference, stats).
import type { StatsCommand, StatsOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { OptionTable } from '../options.ts';
import { parseStatsBody } from './stats-body.ts';

const STATS_OPTIONS: OptionTable = {
  allnum: 'boolean',
  delim: 'string',
  partitions: 'integer',
  dedup_splitvals: 'boolean',
};

export const parseStats: CommandParser = (cursor, header): StatsCommand => {
  const body = parseStatsBody<StatsOptions>(cursor, 'stats', STATS_OPTIONS);
  return { kind: 'Stats', ...commandBase(cursor, header), ...body };
};
