// Splunk relative time modifiers: `-7d@d`, `+1h`, `@w1`, `-1mon@mon+8h`, `now` (Search
// Reference, "Time modifiers": offsets of an amount and unit, `@unit` snaps down to the unit).
import type { TimeUnit } from '../ast/common.ts';
import { fromLocal, toParts } from './time-parts.ts';
import { timeUnitOf } from './time-units.ts';

/** Relative time moves by whole seconds and calendar units: no subsecond units. */
type Unit = Exclude<TimeUnit, 'us' | 'ms' | 'cs' | 'ds'>;

function unitOf(word: string): Unit | undefined {
  const unit = timeUnitOf(word);
  return unit === 'us' || unit === 'ms' || unit === 'cs' || unit === 'ds' ? undefined : unit;
}

/** One step of a modifier: move by an amount of a unit, or snap down to a unit. */
export type RelativeStep =
  | { readonly kind: 'offset'; readonly amount: number; readonly unit: Unit }
  | { readonly kind: 'snap'; readonly unit: Unit; readonly weekday?: number };

/** Parses a modifier into steps, or undefined when it is not one. */
export function parseRelativeTime(spec: string): readonly RelativeStep[] | undefined {
  const text = spec.trim().toLowerCase();
  if (text === 'now' || text === '') return [];
  const steps: RelativeStep[] = [];
  const token = /([+-])(\d*)([a-z]+)|@([a-z]+?)(\d?)(?=$|[+-])/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const m = token.exec(text);
    if (!m) return undefined;
    at = token.lastIndex;
    if (m[1] !== undefined) {
      const unit = unitOf(m[3] as string);
      if (!unit) return undefined;
      const amount = m[2] === '' ? 1 : Number(m[2]);
      steps.push({ kind: 'offset', amount: m[1] === '-' ? -amount : amount, unit });
    } else {
      const unit = unitOf(m[4] as string);
      if (!unit) return undefined;
      if (m[5] !== '' && unit !== 'w') return undefined;
      steps.push(
        m[5] === '' ? { kind: 'snap', unit } : { kind: 'snap', unit, weekday: Number(m[5]) % 7 },
      );
    }
  }
  return steps;
}

const SECONDS: Readonly<Partial<Record<Unit, number>>> = { s: 1, m: 60, h: 3600 };

function applyStep(time: number, step: RelativeStep): number {
  const p = toParts(time);
  if (step.kind === 'offset') {
    const fixed = SECONDS[step.unit];
    if (fixed !== undefined) return time + step.amount * fixed;
    const frac = p.fraction;
    switch (step.unit) {
      case 'd':
        return fromLocal(p.year, p.month, p.day + step.amount, p.hour, p.minute, p.second) + frac;
      case 'w':
        return (
          fromLocal(p.year, p.month, p.day + 7 * step.amount, p.hour, p.minute, p.second) + frac
        );
      case 'mon':
        return fromLocal(p.year, p.month + step.amount, p.day, p.hour, p.minute, p.second) + frac;
      case 'q':
        return (
          fromLocal(p.year, p.month + 3 * step.amount, p.day, p.hour, p.minute, p.second) + frac
        );
      default:
        return fromLocal(p.year + step.amount, p.month, p.day, p.hour, p.minute, p.second) + frac;
    }
  }
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

export function applyRelativeTime(time: number, steps: readonly RelativeStep[]): number {
  return steps.reduce(applyStep, time);
}
