// Week numbers for strftime: %V and %G (ISO 8601: weeks start on Monday, week 1 holds the
// year's first Thursday), %U (weeks start on Sunday, week 1 from the first Sunday).
import type { TimeParts } from './time-parts.ts';

/** ISO 8601 week number and the year it belongs to. */
export function isoWeek(p: TimeParts): { readonly week: number; readonly year: number } {
  const isoDay = p.weekday === 0 ? 7 : p.weekday; // Monday 1 .. Sunday 7
  const thursday = p.yearDay - isoDay + 4; // the day of year of this week's Thursday
  if (thursday < 1) {
    const previous = p.year - 1;
    return { week: weeksIn(previous), year: previous };
  }
  if (thursday > daysIn(p.year)) return { week: 1, year: p.year + 1 };
  return { week: Math.floor((thursday - 1) / 7) + 1, year: p.year };
}

/** %U: weeks start on Sunday; days before the year's first Sunday are week 0. */
export function sundayWeek(p: TimeParts): number {
  return Math.floor((p.yearDay - 1 - p.weekday + 7) / 7);
}

function daysIn(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** ISO weeks in a year: 53 when the year starts on a Thursday (or a leap year on Wednesday). */
function weeksIn(year: number): number {
  const jan1 = new Date(year, 0, 1).getDay();
  return jan1 === 4 || (jan1 === 3 && daysIn(year) === 366) ? 53 : 52;
}
