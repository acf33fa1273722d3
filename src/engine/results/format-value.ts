// How result values print: `_time` as an ISO timestamp, numbers as Splunk prints them, multivalues as lists.
import type { MaybeValue, Scalar } from '../../core/index.ts';
import { formatNumber } from '../../spl/index.ts';

/**
 * `_time` (epoch seconds) prints as Splunk's search export does, `2021-09-22T13:18:31.589+00:00`:
 * UTC, always three fraction digits, the sub-millisecond part cut off (REST API Reference,
 * search/jobs: `time_format` defaults to `%FT%T.%Q%:z`, `%Q` being milliseconds). A time outside
 * what a date can hold (`eval _time=1e20`) prints as the number it is.
 */
export function formatTime(seconds: number): string {
  // Rows come in time order: several findings of one event, events of one second.
  if (seconds === lastSeconds) return lastText;
  lastText = timeText(seconds);
  lastSeconds = seconds;
  return lastText;
}

let lastSeconds = Number.NaN;
let lastText = '';

function timeText(seconds: number): string {
  const whole = Math.floor(seconds);
  // Microseconds first, as the readers keep them: 0.00279 is 2790 µs, not 2789.99...
  const micros = Math.round((seconds - whole) * 1e6);
  const date = new Date(whole * 1000 + Math.floor(micros / 1000));
  if (Number.isNaN(date.getTime())) return formatNumber(seconds);
  return `${date.toISOString().slice(0, -1)}+00:00`;
}

/** One scalar as text; `_time` holding a number is shown as a timestamp. */
export function formatScalar(field: string, value: Scalar): string {
  if (typeof value === 'string') return value;
  return field === '_time' ? formatTime(value) : formatNumber(value);
}

/** Every value of a field as text: [] for null. */
export function formatValues(field: string, value: MaybeValue): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v: Scalar) => formatScalar(field, v));
  return [formatScalar(field, value as Scalar)];
}
