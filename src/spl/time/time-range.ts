// A time range given from outside the search (a job's earliest_time/latest_time, a CLI --start/--end).

import type { TimeBounds } from './time-bounds.ts';
import { resolveTime } from './time-modifier.ts';

/** Each side in Splunk's time syntax (`-24h@h`, `now`, epoch seconds, or a time in `timeformat`). */
export interface TimeRangeInput {
  readonly earliest?: string | number;
  readonly latest?: string | number;
  /** strptime format of absolute times; default `%m/%d/%Y:%H:%M:%S`. */
  readonly timeformat?: string;
}

export type TimeRangeResolution =
  | { readonly ok: true; readonly bounds: TimeBounds }
  | { readonly ok: false; readonly problems: readonly TimeRangeProblem[] };

export interface TimeRangeProblem {
  /** `earliest` or `latest`. */
  readonly side: 'earliest' | 'latest';
  readonly message: string;
}

/**
 * Resolves both sides at `now`. A missing or empty side is unbounded, as is an earliest of 0
 * ("earliest=0 ... the earliest event in your data").
 */
export function resolveTimeRange(range: TimeRangeInput, now: number): TimeRangeResolution {
  const problems: TimeRangeProblem[] = [];
  const side = (name: 'earliest' | 'latest'): number | undefined => {
    const value = range[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      problems.push({ side: name, message: `${value} is not a time` });
      return undefined;
    }
    const resolved = resolveTime(
      value,
      now,
      range.timeformat ? { timeformat: range.timeformat } : {},
    );
    if (resolved.ok) return resolved.time;
    problems.push({ side: name, message: resolved.message });
    return undefined;
  };
  const earliest = side('earliest');
  const latest = side('latest');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    bounds: {
      ...(earliest === undefined || earliest === 0 ? {} : { earliest }),
      ...(latest === undefined ? {} : { latest }),
    },
  };
}
