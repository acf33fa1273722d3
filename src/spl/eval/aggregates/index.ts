// The stats aggregate registry (stats, eventstats, streamstats, tstats, timechart, top/rare).
import type { AggregateSpec } from './aggregate-types.ts';
import { countAggregate } from './count.ts';
import { dcAggregate, listAggregate, valuesAggregate } from './distinct.ts';
import { estdcAggregate } from './estimated-distinct.ts';
import { maxAggregate, minAggregate, rangeAggregate } from './min-max.ts';
import {
  avgAggregate,
  meanAggregate,
  stdevAggregate,
  stdevpAggregate,
  sumAggregate,
  varAggregate,
  varpAggregate,
} from './moments.ts';
import {
  earliestAggregate,
  earliestTimeAggregate,
  firstAggregate,
  lastAggregate,
  latestAggregate,
  latestTimeAggregate,
} from './order.ts';
import { medianAggregate, modeAggregate, percentileAggregate } from './percentile.ts';

export type { Accumulator, AggregateSpec } from './aggregate-types.ts';

/** Aggregates with a fixed name, by lower-case name (aliases included). */
const AGGREGATES: ReadonlyMap<string, AggregateSpec> = new Map([
  ['count', countAggregate],
  ['c', countAggregate],
  ['dc', dcAggregate],
  ['distinct_count', dcAggregate],
  ['estdc', estdcAggregate],
  ['values', valuesAggregate],
  ['list', listAggregate],
  ['min', minAggregate],
  ['max', maxAggregate],
  ['range', rangeAggregate],
  ['sum', sumAggregate],
  ['avg', avgAggregate],
  ['mean', meanAggregate],
  ['stdev', stdevAggregate],
  ['stdevp', stdevpAggregate],
  ['var', varAggregate],
  ['varp', varpAggregate],
  ['first', firstAggregate],
  ['last', lastAggregate],
  ['earliest', earliestAggregate],
  ['latest', latestAggregate],
  ['earliest_time', earliestTimeAggregate],
  ['latest_time', latestTimeAggregate],
  ['median', medianAggregate],
  ['mode', modeAggregate],
]);

// perc95, p99.9, exactperc50, upperperc75: "Valid values of X are floating point numbers from
// 1 to 99" (Search Reference, Statistical and charting functions: perc).
const PERCENTILE_NAME = /^(perc|p|exactperc|upperperc)(\d{1,2}(?:\.\d+)?|100)$/;

/** The aggregate called `name`, any case (`Values`, `DC`, `perc95`, `p99.9`), if any. */
export function lookupAggregate(name: string): AggregateSpec | undefined {
  const lower = name.toLowerCase();
  const fixed = AGGREGATES.get(lower);
  if (fixed) return fixed;
  const m = PERCENTILE_NAME.exec(lower);
  if (!m) return undefined;
  const percent = Number(m[2]);
  if (!(percent > 0 && percent < 100)) return undefined;
  const spelling = m[1] === 'p' ? 'perc' : (m[1] as 'perc' | 'exactperc' | 'upperperc');
  return percentileAggregate(percent, spelling);
}
