// strptime: text to epoch seconds with Splunk's % directives; null (undefined) when it does not fit.
import { fromLocal, MONTHS, WEEKDAYS } from './time-parts.ts';
import { ZONE_OFFSETS } from './time-zone.ts';

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: number;
  pm: boolean | undefined;
  offsetMinutes: number | undefined;
  epoch: number | undefined;
}

const COMPOSITES: Readonly<Record<string, string>> = {
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  R: '%H:%M',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
  c: '%a %b %d %H:%M:%S %Y',
};

function expand(format: string): string {
  return format.replace(/%([FTRDxXc])/g, (_, c: string) => COMPOSITES[c] as string);
}

function matchName(
  text: string,
  at: number,
  names: readonly string[],
): { index: number; length: number } | undefined {
  const rest = text.slice(at).toLowerCase();
  for (let i = 0; i < names.length; i++) {
    const full = (names[i] as string).toLowerCase();
    if (rest.startsWith(full)) return { index: i, length: full.length };
  }
  for (let i = 0; i < names.length; i++) {
    if (rest.startsWith((names[i] as string).slice(0, 3).toLowerCase()))
      return { index: i, length: 3 };
  }
  return undefined;
}

/** Parses `text` with `format`; the result is epoch seconds (fractional with %N/%Q/%f). */
export function strptime(text: string, format: string): number | undefined {
  return strptimePrefix(text, format)?.time;
}

/** Like strptime, and where the matched text ends (text after it is ignored by strptime). */
export function strptimePrefix(
  text: string,
  format: string,
): { readonly time: number; readonly end: number } | undefined {
  const f: Fields = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    fraction: 0,
    pm: undefined,
    offsetMinutes: undefined,
    epoch: undefined,
  };
  const fmt = expand(format);
  let at = 0;
  const digits = (min: number, max: number): number | undefined => {
    while (text[at] === ' ' && min < max) at++;
    const m = new RegExp(`^[+-]?\\d{${min},${max}}`).exec(text.slice(at));
    if (!m) return undefined;
    at += m[0].length;
    return Number(m[0]);
  };
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch !== '%') {
      if (/\s/.test(ch)) {
        while (at < text.length && /\s/.test(text[at] as string)) at++;
      } else if (text[at] === ch) {
        at++;
      } else {
        return undefined;
      }
      continue;
    }
    const m = /^%(\d{1,2})?(:?)([A-Za-z%])/.exec(fmt.slice(i));
    if (!m) return undefined;
    i += m[0].length - 1;
    const width = m[1] === undefined ? undefined : Number(m[1]);
    let value: number | undefined;
    switch (m[3]) {
      case 'Y':
        value = digits(1, 4);
        if (value === undefined) return undefined;
        f.year = value;
        break;
      case 'y':
        value = digits(1, 2);
        if (value === undefined) return undefined;
        f.year = value < 69 ? 2000 + value : 1900 + value;
        break;
      case 'm':
        value = digits(1, 2);
        if (value === undefined || value < 1 || value > 12) return undefined;
        f.month = value;
        break;
      case 'd':
      case 'e':
        value = digits(1, 2);
        if (value === undefined || value < 1 || value > 31) return undefined;
        f.day = value;
        break;
      case 'j':
        value = digits(1, 3);
        if (value === undefined || value < 1 || value > 366) return undefined;
        f.month = 1;
        f.day = value;
        break;
      case 'H':
      case 'k':
      case 'I':
      case 'l':
        value = digits(1, 2);
        if (value === undefined || value > 23) return undefined;
        f.hour = value;
        break;
      case 'M':
        value = digits(1, 2);
        if (value === undefined || value > 59) return undefined;
        f.minute = value;
        break;
      case 'S':
        value = digits(1, 2);
        if (value === undefined || value > 60) return undefined;
        f.second = value;
        break;
      case 'N':
      case 'Q':
      case 'f': {
        const sub = new RegExp(`^\\d{1,${width ?? 9}}`).exec(text.slice(at));
        if (!sub) return undefined;
        at += sub[0].length;
        f.fraction = Number(`0.${sub[0]}`);
        break;
      }
      case 'p': {
        const ampm = text.slice(at, at + 2).toUpperCase();
        if (ampm !== 'AM' && ampm !== 'PM') return undefined;
        f.pm = ampm === 'PM';
        at += 2;
        break;
      }
      case 'b':
      case 'h':
      case 'B': {
        const name = matchName(text, at, MONTHS);
        if (!name) return undefined;
        f.month = name.index + 1;
        at += name.length;
        break;
      }
      case 'a':
      case 'A': {
        const name = matchName(text, at, WEEKDAYS);
        if (!name) return undefined;
        at += name.length;
        break;
      }
      case 's': {
        const epoch = /^-?\d+(?:\.\d+)?/.exec(text.slice(at));
        if (!epoch) return undefined;
        at += epoch[0].length;
        f.epoch = Number(epoch[0]);
        break;
      }
      case 'z': {
        const z = /^(?:Z|([+-])(\d{2}):?(\d{2}))/.exec(text.slice(at));
        if (!z) return undefined;
        at += z[0].length;
        f.offsetMinutes =
          z[1] === undefined ? 0 : (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
        break;
      }
      case 'Z': {
        const zone = /^[A-Za-z]{1,5}/.exec(text.slice(at));
        if (!zone) return undefined;
        at += zone[0].length;
        const known = ZONE_OFFSETS[zone[0].toUpperCase()];
        if (known !== undefined && Object.hasOwn(ZONE_OFFSETS, zone[0].toUpperCase())) {
          f.offsetMinutes = known;
        }
        break;
      }
      case 'U':
      case 'V':
      case 'W':
      case 'w':
      case 'u':
      case 'G':
      case 'g':
      case 'C':
        // Week and century fields are read past, as C's strptime reads them: the date comes
        // from the other fields.
        if (digits(1, m[3] === 'G' ? 4 : 2) === undefined) return undefined;
        break;
      case '%':
        if (text[at] !== '%') return undefined;
        at++;
        break;
      default:
        return undefined;
    }
  }
  if (f.epoch !== undefined) return { time: f.epoch, end: at };
  if (f.pm !== undefined) {
    if (f.hour > 12) return undefined;
    f.hour = (f.hour % 12) + (f.pm ? 12 : 0);
  }
  const base =
    f.offsetMinutes === undefined
      ? fromLocal(f.year, f.month, f.day, f.hour, f.minute, f.second)
      : Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) / 1000 -
        f.offsetMinutes * 60;
  return { time: base + f.fraction, end: at };
}
