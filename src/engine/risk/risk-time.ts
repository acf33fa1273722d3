// When a finding happened, for the incident window: the result's own time, or the end of what its
// search read; never the clock, so the same data gives the same risk windows.
import type { MaybeValue, SharedEvent } from '../../core/index.ts';
import { scalarToNumber } from '../../spl/index.ts';

/** `security_content_ctime`'s format (`%Y-%m-%dT%H:%M:%S`, local time), with optional fraction. */
const CTIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/**
 * ES stamps a risk event with its result's `_time`; ESCU results after `stats` have none and
 * carry `lastTime` instead (epoch seconds, or the text `security_content_ctime` made of it, in
 * the process's time zone as `convert ctime` writes it). Without either, the result is as late
 * as the latest event its search read: that is when a scheduled search would have raised it.
 * With no such event either (a search that reads none, events without a time) there is no time:
 * the hunt reports it rather than taking the clock's.
 */
export function findingTime(
  row: SharedEvent,
  latestEventTime: number | undefined,
): number | undefined {
  return (
    epochOf(row['_time']) ?? epochOf(row['lastTime']) ?? ctimeOf(row['lastTime']) ?? latestEventTime
  );
}

function first(value: MaybeValue) {
  return Array.isArray(value) ? value[0] : value;
}

function epochOf(value: MaybeValue): number | undefined {
  const scalar = first(value);
  if (typeof scalar === 'number') return Number.isFinite(scalar) ? scalar : undefined;
  if (typeof scalar !== 'string' || !/^\d+(\.\d+)?$/.test(scalar)) return undefined;
  return scalarToNumber(scalar);
}

function ctimeOf(value: MaybeValue): number | undefined {
  const scalar = first(value);
  if (typeof scalar !== 'string') return undefined;
  const m = CTIME.exec(scalar);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = m.map((part) => part ?? '');
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const seconds = date.getTime() / 1000;
  return Number.isNaN(seconds) ? undefined : seconds + (fraction ? Number(fraction) : 0);
}
