// strftime: epoch seconds to text with Splunk's % directives (Search Reference, "Date and time
// format variables"), including %N/%Q subseconds with a width (%3N = milliseconds) and %s.
import { MONTHS, type TimeParts, toParts, WEEKDAYS } from './time-parts.ts';

const pad = (n: number, width: number, fill = '0') => String(n).padStart(width, fill);

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function subseconds(fraction: number, digits: number): string {
  const scaled = Math.floor(fraction * 10 ** digits + 1e-6);
  return pad(Math.min(scaled, 10 ** digits - 1), digits);
}

function zoneName(p: TimeParts): string {
  return p.offsetMinutes === 0 ? 'UTC' : offset(p.offsetMinutes, false);
}

/** Formats one directive; `width` is the number between % and the letter (only %N/%Q use it). */
function directive(
  letter: string,
  width: number | undefined,
  p: TimeParts,
  epoch: number,
): string | undefined {
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
      return subseconds(p.fraction, width ?? 9);
    case 'Q':
      return subseconds(p.fraction, width ?? 3);
    case 'f':
      return subseconds(p.fraction, width ?? 6);
    case 's':
      return String(Math.floor(epoch));
    case 'z':
      return offset(p.offsetMinutes, false);
    case 'Z':
      return zoneName(p);
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
      return `${pad(p.month, 2)}/${pad(p.day, 2)}/${pad(p.year % 100, 2)}`;
    case 'X':
      return `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
    case '+':
      return `${WEEKDAYS[p.weekday]?.slice(0, 3)} ${MONTHS[p.month - 1]?.slice(0, 3)} ${pad(p.day, 2, ' ')} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)} ${zoneName(p)} ${p.year}`;
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
    const m = /^%(\d{1,2})?(:{0,2})([A-Za-z%+])/.exec(format.slice(i));
    if (!m) {
      out += ch;
      continue;
    }
    const letter = m[3] as string;
    let text: string | undefined;
    if (letter === 'z' && m[2])
      text = offset(parts.offsetMinutes, true) + (m[2] === '::' ? ':00' : '');
    else
      text = directive(letter, m[1] === undefined ? undefined : Number(m[1]), parts, epochSeconds);
    out += text ?? m[0];
    i += m[0].length - 1;
  }
  return out;
}
