// Numeric and date readings of event text for gt/gte/lt/lte and the time-part modifiers.
import type { CompareOperator, TimePart } from '../model/sigma-value.ts';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;

/** Decimal text, or `0x` hex as Windows writes ids and masks; NaN otherwise. */
export function parseNumber(text: string): number {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  if (HEX.test(t)) return Number.parseInt(t.slice(2), 16);
  return Number.NaN;
}

export function compareNumbers(op: CompareOperator, left: number, right: number): boolean {
  switch (op) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
  }
}

const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * The part of a date as written (no time zone conversion, as spec v2.1 warns): `2024-03-05
 * 10:20:30.123` (Sysmon UtcTime), ISO 8601 with `T`/`Z`. `week` is the ISO 8601 week number.
 */
export function datePart(text: string, part: TimePart): number {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  switch (part) {
    case 'year':
      return year;
    case 'month':
      return month;
    case 'day':
      return day;
    case 'hour':
      return m[4] === undefined ? Number.NaN : Number(m[4]);
    case 'minute':
      return m[5] === undefined ? Number.NaN : Number(m[5]);
    case 'week':
      return isoWeek(year, month, day);
  }
}

function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7);
}
