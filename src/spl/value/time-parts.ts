// Broken-down local time (the zone of the process, TZ=UTC in tests) for the time functions.

export interface TimeParts {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fraction of a second, 0 <= f < 1. */
  readonly fraction: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** 1..366 */
  readonly yearDay: number;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

export function toParts(epochSeconds: number): TimeParts {
  const whole = Math.floor(epochSeconds);
  const date = new Date(whole * 1000);
  const startOfYear = new Date(date.getFullYear(), 0, 1);
  const yearDay =
    Math.floor(
      (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) -
        Date.UTC(startOfYear.getFullYear(), 0, 1)) /
        86400000,
    ) + 1;
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    fraction: epochSeconds - whole,
    weekday: date.getDay(),
    yearDay,
    offsetMinutes: -date.getTimezoneOffset(),
  };
}

/** Local wall-clock fields to epoch seconds (Date normalises overflowing fields). */
export function fromLocal(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const date = new Date(year, month - 1, day, hour, minute, second);
  if (year >= 0 && year < 100) date.setFullYear(year);
  return date.getTime() / 1000;
}

export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
