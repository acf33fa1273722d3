// Splunk relative time modifiers: `-7d@d`, `+1h`, `@w1`, `-1mon@mon+8h`, `@d-2h` (Search
// Reference, "Time modifiers": an offset of an amount and a unit, `@unit` snaps down to the
// start of the unit; steps apply left to right, so the offset before `@` comes first).
import type { TimeUnit } from '../ast/common.ts';
import { fromLocal, toParts } from '../value/time-parts.ts';
import { timeUnitOf } from '../value/time-units.ts';

/** Relative time moves by whole seconds and calendar units (subsecond units are for metrics). */
type Unit = Exclude<TimeUnit, 'us' | 'ms' | 'cs' | 'ds'>;

/** One step of a modifier: move by an amount of a unit, or snap down to a unit. */
export type RelativeStep =
  | { readonly kind: 'offset'; readonly amount: number; readonly unit: Unit }
  | { readonly kind: 'snap'; readonly unit: Unit; readonly weekday?: number };

export type RelativeTimeParse =
  | { readonly ok: true; readonly steps: readonly RelativeStep[] }
  | { readonly ok: false; readonly reason: string };

const UNITS_TEXT = 's, m, h, d, w, mon, q, y (or their long names)';
/** More than this many digits and the amount would leave the range of dates a clock shows. */
const MAX_AMOUNT_DIGITS = 9;

/**
 * Parses the steps of a relative modifier (`now` and the empty text are no steps). Real-time
 * forms (`rt`, `rt-5m`) are refused: they belong to real-time searches, which spelunk does not
 * run (Search Manual, "Specify time modifiers in your search": in a search string they are an
 * error).
 */
export function parseRelativeTime(spec: string): RelativeTimeParse {
  const text = spec.trim().toLowerCase();
  if (text === 'now' || text === 'now()' || text === '') return { ok: true, steps: [] };
  if (/^[+-]?rt/.test(text)) {
    return fail(
      'real-time modifiers (rt) belong to real-time searches, which spelunk does not run',
    );
  }
  const steps: RelativeStep[] = [];
  const token = /([+-])(\d*)(\.\d*)?([a-z]*)|@([a-z]*?)(\d*)(?=$|[-+@])/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const m = token.exec(text);
    if (!m || token.lastIndex === at) return fail(`unexpected "${text.slice(at)}"`);
    at = token.lastIndex;
    const step = m[1] !== undefined ? offsetStep(m) : snapStep(m[5] as string, m[6] as string);
    if (typeof step === 'string') return fail(step);
    steps.push(step);
  }
  return { ok: true, steps };
}

function fail(reason: string): RelativeTimeParse {
  return { ok: false, reason };
}

function offsetStep(m: RegExpExecArray): RelativeStep | string {
  const sign = m[1] as string;
  const digits = m[2] as string;
  const fraction = m[3];
  const word = m[4] as string;
  if (fraction !== undefined) return 'the amount of an offset is a whole number';
  if (digits.length > MAX_AMOUNT_DIGITS) return `the amount ${digits} is too large`;
  if (word === '') return `"${sign}${digits}" has no time unit (${UNITS_TEXT})`;
  const unit = unitOf(word);
  if ('error' in unit) return unit.error;
  const amount = digits === '' ? 1 : Number(digits);
  return { kind: 'offset', amount: sign === '-' ? -amount : amount, unit: unit.unit };
}

function snapStep(word: string, digits: string): RelativeStep | string {
  if (word === '') return `"@" needs a time unit to snap to (${UNITS_TEXT})`;
  const unit = unitOf(word);
  if ('error' in unit) return unit.error;
  if (digits === '') return { kind: 'snap', unit: unit.unit };
  // @w0 .. @w6 name a weekday, @w7 is Sunday again; no other unit takes a number.
  if (unit.unit !== 'w' || !/^[0-7]$/.test(digits)) return `"@${word}${digits}" is not a snap unit`;
  return { kind: 'snap', unit: 'w', weekday: Number(digits) % 7 };
}

function unitOf(word: string): { readonly unit: Unit } | { readonly error: string } {
  const unit = timeUnitOf(word);
  if (unit === undefined) return { error: `"${word}" is not a time unit (${UNITS_TEXT})` };
  if (unit === 'us' || unit === 'ms' || unit === 'cs' || unit === 'ds') {
    return { error: `"${word}": subsecond units apply to metrics searches only` };
  }
  return { unit };
}

const SECONDS: Readonly<Partial<Record<Unit, number>>> = { s: 1, m: 60, h: 3600 };

/** Calendar units move the wall-clock date in the process time zone, keeping the time of day. */
function applyStep(time: number, step: RelativeStep): number {
  if (step.kind === 'offset') {
    const fixed = SECONDS[step.unit];
    if (fixed !== undefined) return time + step.amount * fixed;
    const p = toParts(time);
    const days = step.unit === 'd' ? step.amount : step.unit === 'w' ? 7 * step.amount : 0;
    const months = step.unit === 'mon' ? step.amount : step.unit === 'q' ? 3 * step.amount : 0;
    const years = step.unit === 'y' ? step.amount : 0;
    return (
      fromLocal(p.year + years, p.month + months, p.day + days, p.hour, p.minute, p.second) +
      p.fraction
    );
  }
  const p = toParts(time);
  switch (step.unit) {
    case 's':
      return Math.floor(time);
    case 'm':
      return fromLocal(p.year, p.month, p.day, p.hour, p.minute);
    case 'h':
      return fromLocal(p.year, p.month, p.day, p.hour);
    case 'd':
      return fromLocal(p.year, p.month, p.day);
    case 'w': {
      const back = (p.weekday - (step.weekday ?? 0) + 7) % 7;
      return fromLocal(p.year, p.month, p.day - back);
    }
    case 'mon':
      return fromLocal(p.year, p.month, 1);
    case 'q':
      return fromLocal(p.year, p.month - ((p.month - 1) % 3), 1);
    case 'y':
      return fromLocal(p.year, 1, 1);
  }
}

/** `time` moved by every step in order; NaN when the result is no representable date. */
export function applyRelativeTime(time: number, steps: readonly RelativeStep[]): number {
  return steps.reduce(applyStep, time);
}
