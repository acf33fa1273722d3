// Times on the command line (`--start`, `--end`, `--now`, `--earliest`, `--latest`): ISO 8601, or
// anything Splunk's time modifiers take (epoch seconds, `-24h@h`, `%m/%d/%Y:%H:%M:%S`).
import { resolveTime } from '../../spl/index.ts';

/** `2019-05-18`, `2019-05-18T17:16`, `2019-05-18 17:16:16.5Z`, `...+09:00`. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Epoch seconds, or the reason the text is not a time. ISO 8601 without a zone is UTC (as the
 * timeline prints times); relative times count from `now`; Splunk's `%m/%d/%Y:%H:%M:%S` is read
 * in the process's time zone, as Splunk reads it in the user's.
 */
export function parseTimeOption(text: string, now: number): number | { readonly message: string } {
  const iso = ISO_8601.exec(text.trim());
  if (iso !== null) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    const utc = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
    );
    const date = new Date(utc);
    if (
      Number.isNaN(utc) ||
      date.getUTCDate() !== Number(d) ||
      date.getUTCMonth() !== Number(mo) - 1
    ) {
      return { message: `"${text}" is not a date` };
    }
    return utc / 1000 + (fraction ? Number(fraction) : 0) - offsetSeconds(zone);
  }
  const resolved = resolveTime(text, now);
  if (resolved.ok) return resolved.time;
  return {
    message: `${resolved.message}; or an ISO 8601 time such as 2019-05-18T17:16:00Z`,
  };
}

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m === null) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60;
  return m[1] === '-' ? -seconds : seconds;
}
