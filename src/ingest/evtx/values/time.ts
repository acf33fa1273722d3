// Time value types: FILETIME and SYSTEMTIME, rendered as Windows renders SystemTime.
import { TWO_DIGITS } from './digits.ts';
import type { ValueFormat } from './value-format.ts';

// Seconds between 1601-01-01 (FILETIME epoch) and 1970-01-01.
const EPOCH_DIFFERENCE_SECONDS = 11_644_473_600;
const TICKS_PER_SECOND = 10_000_000;
// 2^32 = 429 * 10^7 + 4967296: splits high * 2^32 into whole seconds and leftover ticks.
const HIGH_SECONDS = 429;
const HIGH_TICKS = 4_967_296;

let cachedDay = Number.NaN;
let cachedDayText = '';

/**
 * The last FILETIME text rendered in the usual four-digit-year form and the epoch seconds that
 * `parseTimestamp` reads from it: SystemTime is rendered from a FILETIME and then read back for
 * `_time` on every record, so the reader takes the seconds from here instead of parsing.
 */
let lastText = '';
let lastSeconds = Number.NaN;

/**
 * `parseTimestamp(text)` when `text` is the last FILETIME text rendered, else undefined. Same
 * arithmetic in the same order as its `YYYY-MM-DDTHH:MM:SS.fffffffffZ` path (whole-day seconds,
 * then hours, minutes, seconds, then the first six fraction digits as microseconds), so the
 * double is the same bit for bit; a test holds them equal.
 */
export function renderedFileTimeSeconds(text: string): number | undefined {
  return text === lastText ? lastSeconds : undefined;
}

/**
 * `2021-09-22T13:18:31.589696800Z`: FILETIME (100 ns ticks since 1601) with nine fraction
 * digits, the form Windows and libevtx give TimeCreated/@SystemTime.
 */
export function fileTimeText(low: number, high: number): string {
  let seconds: number;
  let ticks: number;
  if (high < 0x60000000) {
    const rest = high * HIGH_TICKS + low;
    seconds = high * HIGH_SECONDS + Math.floor(rest / TICKS_PER_SECOND);
    ticks = rest % TICKS_PER_SECOND;
  } else {
    const all = (BigInt(high) << 32n) | BigInt(low);
    seconds = Number(all / 10_000_000n);
    ticks = Number(all % 10_000_000n);
  }
  const unix = seconds - EPOCH_DIFFERENCE_SECONDS;
  const day = Math.floor(unix / 86400);
  const secondOfDay = unix - day * 86400;
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = dateText(day);
  }
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  const d = cachedDayText;
  // Built in one call: a template literal would allocate a rope that parsing `_time` flattens.
  if (d.length !== 10) {
    return `${d}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${String(ticks).padStart(7, '0')}00Z`;
  }
  lastSeconds = day * 86400 + hour * 3600 + minute * 60 + second + Math.floor(ticks / 10) / 1e6;
  lastText = String.fromCharCode(
    d.charCodeAt(0),
    d.charCodeAt(1),
    d.charCodeAt(2),
    d.charCodeAt(3),
    45,
    d.charCodeAt(5),
    d.charCodeAt(6),
    45,
    d.charCodeAt(8),
    d.charCodeAt(9),
    84,
    digit(hour, 10),
    digit(hour, 1),
    58,
    digit(minute, 10),
    digit(minute, 1),
    58,
    digit(second, 10),
    digit(second, 1),
    46,
    digit(ticks, 1_000_000),
    digit(ticks, 100_000),
    digit(ticks, 10_000),
    digit(ticks, 1_000),
    digit(ticks, 100),
    digit(ticks, 10),
    digit(ticks, 1),
    48,
    48,
    90,
  );
  return lastText;
}

/**
 * The character code of the decimal digit of `n` at `unit`. Not a closure in fileTimeText: tsx
 * (esbuild keepNames) wraps closures in a `__name` call made each time the enclosing function runs.
 */
function digit(n: number, unit: number): number {
  return 48 + (Math.floor(n / unit) % 10);
}

/** `YYYY-MM-DD` of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
function dateText(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

export const fileTime: ValueFormat = {
  name: 'FileTime',
  itemSize: 8,
  text: (_b, v, s) => fileTimeText(v.getUint32(s, true), v.getUint32(s + 4, true)),
};

/**
 * SYSTEMTIME (year, month, day of week, day, hour, minute, second, milliseconds) with its
 * millisecond precision (`2019-03-08T23:23:05.000Z`, as libevtx and MS-EVEN6 §2.2.12.3 show it).
 * The fields are printed as stored, so a damaged value cannot throw.
 */
export const sysTime: ValueFormat = {
  name: 'SysTime',
  itemSize: 16,
  text: (_b, v, s) =>
    `${String(v.getUint16(s, true)).padStart(4, '0')}-${pad2(v.getUint16(s + 2, true))}-${pad2(
      v.getUint16(s + 6, true),
    )}T${pad2(v.getUint16(s + 8, true))}:${pad2(v.getUint16(s + 10, true))}:${pad2(
      v.getUint16(s + 12, true),
    )}.${String(v.getUint16(s + 14, true)).padStart(3, '0')}Z`,
};

function pad2(n: number): string {
  return n < 100 ? (TWO_DIGITS[n] as string) : String(n);
}
