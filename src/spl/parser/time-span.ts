// Time spans of `span=`, `maxspan=`, `time_window=`: a number and a Splunk time unit.
import { ownEntry } from '../../core/own-entry.ts';
import type { SpanValue, TimeUnit } from '../ast/common.ts';

const UNITS: Readonly<Record<string, TimeUnit>> = {
  us: 'us',
  ms: 'ms',
  cs: 'cs',
  ds: 'ds',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  mon: 'mon',
  month: 'mon',
  months: 'mon',
  q: 'q',
  qtr: 'q',
  qtrs: 'q',
  quarter: 'q',
  quarters: 'q',
  y: 'y',
  yr: 'y',
  yrs: 'y',
  year: 'y',
  years: 'y',
};
/** `10s`, `1h`, `2.5`, `1mon` (Search Reference, bin: `span=<log-span> | <span-length>`). */
export function parseSpanValue(text: string): SpanValue | undefined {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unitText = (match[2] ?? '').toLowerCase();
  if (unitText === '') return { value };
  const unit = ownEntry(UNITS, unitText);
  return unit ? { value, unit } : undefined;
}
