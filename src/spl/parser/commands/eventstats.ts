// `eventstats [allnum=b] <aggregations> [by fields]` (Search Reference, eventstats).
import type { EventstatsCommand, EventstatsOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { OptionTable } from '../options.ts';
import { parseStatsBody } from './stats-body.ts';

const EVENTSTATS_OPTIONS: OptionTable = { allnum: 'boolean' };

export const parseEventstats: CommandParser = (cursor, header): EventstatsCommand => {
  const body = parseStatsBody<EventstatsOptions>(cursor, 'eventstats', EVENTSTATS_OPTIONS);
  return { kind: 'Eventstats', ...commandBase(cursor, header), ...body };
};
