// `streamstats [options] <aggregations> [by fields]` (Search Reference, streamstats).
import type { StreamstatsCommand, StreamstatsOptions } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { OptionTable } from '../options.ts';
import { parseStatsBody } from './stats-body.ts';

const STREAMSTATS_OPTIONS: OptionTable = {
  current: 'boolean',
  window: 'integer',
  global: 'boolean',
  allnum: 'boolean',
  time_window: 'span',
  reset_on_change: 'boolean',
  reset_before: 'expression',
  reset_after: 'expression',
};

export const parseStreamstats: CommandParser = (cursor, header): StreamstatsCommand => {
  const body = parseStatsBody<StreamstatsOptions>(cursor, 'streamstats', STREAMSTATS_OPTIONS);
  return { kind: 'Streamstats', ...commandBase(cursor, header), ...body };
};
