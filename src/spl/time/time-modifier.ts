// One parser of Splunk's time syntax, for `earliest=`/`latest=`, job time ranges and relative_time():
// `now`, epoch seconds, relative modifiers (`-24h@h`, `@d`, `-7d@w1`, `+1mon@mon`) and absolute
// times in a timeformat (`%m/%d/%Y:%H:%M:%S` unless told otherwise) — Search Reference, "Time modifiers".
import { strptimePrefix } from '../value/strptime.ts';
import { applyRelativeTime, parseRelativeTime, type RelativeStep } from './relative-time.ts';

/** The format of absolute times in time modifiers when no `timeformat=` is given. */
export const DEFAULT_TIMEFORMAT = '%m/%d/%Y:%H:%M:%S';

/** A parsed time: relative to a `now` (no steps: `now` itself) or a fixed epoch time. */
export type TimeModifier =
  | { readonly kind: 'relative'; readonly steps: readonly RelativeStep[] }
  | { readonly kind: 'absolute'; readonly time: number };

export type TimeModifierParse =
  | { readonly ok: true; readonly modifier: TimeModifier }
  | { readonly ok: false; readonly message: string };

export interface TimeModifierOptions {
  /** strptime format of absolute times; default `%m/%d/%Y:%H:%M:%S`. */
  readonly timeformat?: string;
}

const EPOCH = /^\d+(?:\.\d+)?$/;

/**
 * Parses a time modifier's value: `now`/`now()`, epoch seconds (`1700000000`, `0.5`), a
 * relative modifier (starts with `+`, `-` or `@`), or an absolute time in `timeformat`, which
 * must cover the whole text. Never throws; a bad value comes back with the reason.
 */
export function parseTimeModifier(
  text: string,
  options: TimeModifierOptions = {},
): TimeModifierParse {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'a time is required' };
  if (EPOCH.test(value)) return { ok: true, modifier: { kind: 'absolute', time: Number(value) } };
  if (/^(?:now(?:\(\))?|[+\-@]|rt)/i.test(value)) {
    const relative = parseRelativeTime(value);
    if (!relative.ok) return { ok: false, message: `"${value}": ${relative.reason}` };
    return { ok: true, modifier: { kind: 'relative', steps: relative.steps } };
  }
  const format = options.timeformat ?? DEFAULT_TIMEFORMAT;
  const parsed = strptimePrefix(value, format);
  if (parsed === undefined || parsed.end !== value.length || !Number.isFinite(parsed.time)) {
    return {
      ok: false,
      message: `"${value}" is not a time: expected now, epoch seconds, a relative time such as -24h@h, or a time in the format ${format}`,
    };
  }
  return { ok: true, modifier: { kind: 'absolute', time: parsed.time } };
}

/** The epoch seconds a modifier names when the search's time is `now`; NaN if out of range. */
export function resolveTimeModifier(modifier: TimeModifier, now: number): number {
  return modifier.kind === 'absolute' ? modifier.time : applyRelativeTime(now, modifier.steps);
}

export type TimeResolution =
  | { readonly ok: true; readonly time: number }
  | { readonly ok: false; readonly message: string };

/** Parses and resolves in one call: the epoch seconds `text` names at `now`. */
export function resolveTime(
  text: string,
  now: number,
  options: TimeModifierOptions = {},
): TimeResolution {
  const parsed = parseTimeModifier(text, options);
  if (!parsed.ok) return parsed;
  const time = resolveTimeModifier(parsed.modifier, now);
  if (!Number.isFinite(time)) return { ok: false, message: `"${text.trim()}" is out of range` };
  return { ok: true, time };
}
