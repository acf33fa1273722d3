// strftime: epoch seconds to text with Splunk's % directives (Search Reference, "Date and time
// format variables"), including %N/%Q subseconds with a width (%3N = milliseconds), %s, week
// numbers (%V %U %G %g), zone names and offsets (%Z %z %:z %::z %:::z %Ez).
import { isoWeek, sundayWeek } from './iso-week.ts';
import { formatNumber } from './number.ts';
import { MONTHS, type TimeParts, toParts, WEEKDAYS } from './time-parts.ts';
import { zoneAbbreviation } from './time-zone.ts';

const pad = (n: number, width: number, fill = '0') => String(n).padStart(width, fill);

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * The first `digits` subsecond digits, cut (not rounded), read from the number's decimal text so
 * that 1700000000.123 gives 123 although its binary fraction is 0.12299990654.
 */
function subseconds(epoch: number, digits: number): string {
  const text = formatNumber(epoch);
  const point = text.indexOf('.');
  if (epoch >= 0 && !text.includes('e')) {
    return (point < 0 ? '' : text.slice(point + 1)).padEnd(digits, '0').slice(0, digits);
  }
  const fraction = epoch - Math.floor(epoch);
  const scaled = Math.floor(fraction * 10 ** digits + 1e-6);
  return pad(Math.min(scaled, 10 ** digits - 1), digits);
}

/** Formats one directive; `width` is the number between % and the letter (only %N/%Q use it). */
function directive(
  letter: string,
  width: number | undefined,
  p: TimeParts,
  epoch: number,
): string | undefined {
  const zone = () => zoneAbbreviation(epoch);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (letter) {
    case 'Y':
      return String(p.year);
    case 'y':
      return pad(p.year % 100, 2);
    case 'C':
      return pad(Math.floor(p.year / 100), 2);
    case 'm':
      return pad(p.month, 2);
    case 'd':
      return pad(p.day, 2);
    case 'e':
      return pad(p.day, 2, ' ');
    case 'j':
      return pad(p.yearDay, 3);
    case 'H':
      return pad(p.hour, 2);
    case 'k':
      return pad(p.hour, 2, ' ');
    case 'I':
      return pad(hour12, 2);
    case 'l':
      return pad(hour12, 2, ' ');
    case 'M':
      return pad(p.minute, 2);
    case 'S':
      return pad(p.second, 2);
    case 'p':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'a':
      return WEEKDAYS[p.weekday]?.slice(0, 3);
    case 'A':
      return WEEKDAYS[p.weekday];
    case 'w':
      return String(p.weekday);
    case 'u':
      return String(p.weekday === 0 ? 7 : p.weekday);
    case 'b':
    case 'h':
      return MONTHS[p.month - 1]?.slice(0, 3);
    case 'B':
      return MONTHS[p.month - 1];
    case 'N':
      return subseconds(epoch, width ?? 9);
    case 'Q':
      return subseconds(epoch, width ?? 3);
    case 'f':
      return subseconds(epoch, width ?? 6);
    case 'V':
      return pad(isoWeek(p).week, 2);
    case 'U':
      return pad(sundayWeek(p), 2);
    case 'G':
      return String(isoWeek(p).year);
    case 'g':
      return pad(isoWeek(p).year % 100, 2);
    case 's':
      return String(Math.floor(epoch));
    case 'z':
      return offset(p.offsetMinutes, false);
    case 'Z':
      return zone();
    case 'F':
      return `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    case 'T':
      return `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
    case 'R':
      return `${pad(p.hour, 2)}:${pad(p.minute, 2)}`;
    case 'D':
      return `${pad(p.month, 2)}/${pad(p.day, 2)}/${pad(p.year % 100, 2)}`;
    case 'c':
      return `${WEEKDAYS[p.weekday]?.slice(0, 3)} ${MONTHS[p.month - 1]?.slice(0, 3)} ${pad(p.day, 2, ' ')} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)} ${p.year}`;
    case 'x':
      // "The date in the format of the current locale. For example, 7/13/2019 for US English."
      return `${p.month}/${p.day}/${p.year}`;
    case 'X':
      // "For US English the format for 9:30 AM is 9:30:00."
      return `${p.hour}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
    case '+':
      return `${WEEKDAYS[p.weekday]?.slice(0, 3)} ${MONTHS[p.month - 1]?.slice(0, 3)} ${pad(p.day, 2, ' ')} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)} ${zone()} ${p.year}`;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

/**
 * %:z is -05:00, %::z -05:00:00, %:::z -05 (hours only); %Ez is Splunk's offset in minutes.
 */
function zoneOffset(minutes: number, colons: string): string {
  switch (colons) {
    case ':':
      return offset(minutes, true);
    case '::':
      return `${offset(minutes, true)}:00`;
    case ':::':
      return offset(minutes, false).slice(0, 3);
    default:
      return `${minutes < 0 ? '-' : '+'}${Math.abs(minutes)}`;
  }
}

/** Unknown directives are kept as written, as C strftime does. */
export function strftime(epochSeconds: number, format: string): string {
  const parts = toParts(epochSeconds);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^%(\d{1,2})?(:{0,3}|E)([A-Za-z%+])/.exec(format.slice(i));
    if (!m) {
      out += ch;
      continue;
    }
    const letter = m[3] as string;
    let text: string | undefined;
    if (letter === 'z' && m[2]) text = zoneOffset(parts.offsetMinutes, m[2]);
    else if (m[2] === 'E') text = undefined;
    else
      text = directive(letter, m[1] === undefined ? undefined : Number(m[1]), parts, epochSeconds);
    out += text ?? m[0];
    i += m[0].length - 1;
  }
  return out;
}
