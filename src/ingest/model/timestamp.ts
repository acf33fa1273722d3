// Timestamps as Windows telemetry and Splunk exports write them, turned into `_time` epoch seconds.

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,12}))?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const EPOCH_SECONDS = /^\d{1,12}(?:\.\d{1,9})?$/;

/**
 * Parses `2021-09-22T13:18:31.5896968Z`, `2021-09-22 13:18:31.147` (Sysmon `UtcTime`),
 * `2021-09-22T13:18:31.000+02:00` (Splunk export `_time`) and epoch seconds (`1632316711.589`).
 * Fractions are kept to microseconds (`Date.parse` would truncate 7- and 9-digit fractions to
 * milliseconds). Text without a zone is UTC, as Windows writes SystemTime. Returns undefined for
 * anything else, including out-of-range dates such as month 13.
 */
export function parseTimestamp(text: string): number | undefined {
  const fast = parseUtcFast(text);
  if (fast !== undefined) return fast;
  const trimmed = text.trim();
  if (EPOCH_SECONDS.test(trimmed)) return Number(trimmed);
  const m = DATE_TIME.exec(trimmed);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // A leap second (:60) is accepted as Windows never writes one but some exporters round up.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone && !/^(?:Z|UTC|GMT)$/i.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    ms -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const micros = frac ? Number(frac.slice(0, 6).padEnd(6, '0')) : 0;
  return Math.floor(ms / 1000) + micros / 1e6;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM`, read by position: SystemTime in this
 * layout is on every Windows event, a Splunk export's `_time` (and spelunk's own JSON lines) ends
 * in `+00:00`, and the regex path costs a sizeable share of the readers' time. Anything else (or
 * any out-of-range part) is left to the general path, which gives the same value for these.
 */
function parseUtcFast(text: string): number | undefined {
  const n = text.length;
  if (n < 20 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  /** Where the zone starts, and its offset east of UTC in seconds. */
  let end = n - 1;
  let offset = 0;
  if (text.charCodeAt(end) !== 90) {
    end = n - 6;
    const sign = text.charCodeAt(end);
    if (end < 19 || (sign !== 43 && sign !== 45) || text.charCodeAt(n - 3) !== 58) return undefined;
    const offsetHours = digits(text, end + 1, 2);
    const offsetMinutes = digits(text, end + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
      return undefined;
    }
    offset = (sign === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return undefined;
  }
  let micros = 0;
  if (end > 19) {
    const places = end - 20;
    if (text.charCodeAt(19) !== 46 || places < 1 || places > 12) return undefined;
    const fraction = digits(text, 20, Math.min(places, 6));
    if (fraction < 0 || (places > 6 && digits(text, 26, places - 6) < 0)) return undefined;
    micros = fraction * 10 ** (6 - Math.min(places, 6));
  }
  const seconds = dayStart(text, year, month, day) + hour * 3600 + minute * 60 + second - offset;
  return seconds + micros / 1e6;
}

/** The last day seen: consecutive events almost always share it, and Date.UTC is the slow part. */
let lastDay = '';
let lastDayStart = 0;

function dayStart(text: string, year: number, month: number, day: number): number {
  if (!text.startsWith(lastDay) || lastDay.length === 0) {
    lastDay = text.slice(0, 10);
    lastDayStart = Date.UTC(year, month - 1, day) / 1000;
  }
  return lastDayStart;
}

/** The decimal value of `length` digits at `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}
