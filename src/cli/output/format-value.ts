// How result values print: `_time` as an ISO timestamp, numbers as Splunk prints them, multivalues as lists.
import type { MaybeValue, Scalar } from '../../core/value.ts';
import { formatNumber } from '../../spl/value/number.ts';

/**
 * `_time` (epoch seconds) prints the way Splunk's REST export does, `2021-09-22T13:18:31.589+00:00`,
 * always in UTC, with the fraction kept to the microsecond and trailing zeros dropped.
 */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return formatNumber(seconds);
  const whole = Math.floor(seconds);
  const micros = Math.round((seconds - whole) * 1e6);
  const base = new Date(whole * 1000).toISOString().slice(0, 19);
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0').replace(/0+$/, '')}`;
  return `${base}${fraction}+00:00`;
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
