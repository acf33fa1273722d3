// The time modifiers of a search clause (`earliest=-24h@h`, `starthoursago=168`, `timeformat=...`):
// each is a condition on `_time` (or `_indextime`), never a field filter. Search Reference,
// "Time modifiers", including the older modifiers listed under "Other time modifiers".
import { ownEntry } from '../../core/index.ts';
import { parseRelativeTime } from './relative-time.ts';
import { parseTimeModifier, resolveTimeModifier, type TimeModifierParse } from './time-modifier.ts';

/** The field a modifier bounds: event time, or the time Splunk indexed the event. */
export type TimeField = '_time' | '_indextime';

/** Which side of the window a modifier gives: earliest is inclusive, latest exclusive. */
type Side = 'earliest' | 'latest';

/** How a modifier's value reads: a time modifier, a timestamp in timeformat, epoch seconds, or a count of units ago. */
type ValueKind =
  | { readonly kind: 'modifier' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'epoch' }
  | { readonly kind: 'ago'; readonly unit: 'd' | 'h' | 'm' | 'mon' };

interface ModifierSpec {
  readonly field: TimeField;
  readonly side: Side;
  readonly value: ValueKind;
}

const MODIFIER: ValueKind = { kind: 'modifier' };
const ago = (unit: 'd' | 'h' | 'm' | 'mon'): ValueKind => ({ kind: 'ago', unit });
const on = (side: Side, value: ValueKind, field: TimeField = '_time'): ModifierSpec => ({
  field,
  side,
  value,
});

const MODIFIERS: Readonly<Record<string, ModifierSpec>> = {
  earliest: on('earliest', MODIFIER),
  latest: on('latest', MODIFIER),
  _index_earliest: on('earliest', MODIFIER, '_indextime'),
  _index_latest: on('latest', MODIFIER, '_indextime'),
  // "Search events within the last integer number of days" (and hours, minutes, months).
  daysago: on('earliest', ago('d')),
  hoursago: on('earliest', ago('h')),
  minutesago: on('earliest', ago('m')),
  monthsago: on('earliest', ago('mon')),
  startdaysago: on('earliest', ago('d')),
  starthoursago: on('earliest', ago('h')),
  startminutesago: on('earliest', ago('m')),
  startmonthsago: on('earliest', ago('mon')),
  enddaysago: on('latest', ago('d')),
  endhoursago: on('latest', ago('h')),
  endminutesago: on('latest', ago('m')),
  endmonthsago: on('latest', ago('mon')),
  starttime: on('earliest', { kind: 'timestamp' }),
  endtime: on('latest', { kind: 'timestamp' }),
  starttimeu: on('earliest', { kind: 'epoch' }),
  endtimeu: on('latest', { kind: 'epoch' }),
};

/** Documented, but what the span counts from is not: refused rather than guessed. */
const REFUSED: ReadonlySet<string> = new Set([
  'searchtimespandays',
  'searchtimespanhours',
  'searchtimespanminutes',
  'searchtimespanmonths',
]);

/** `timeformat=` sets the format of starttime, endtime and absolute earliest/latest values. */
export const TIMEFORMAT_MODIFIER = 'timeformat';

/** Whether a bare field name in a search clause is a time modifier (or timeformat). */
export function isTimeModifierName(name: string): boolean {
  return (
    ownEntry(MODIFIERS, name) !== undefined || REFUSED.has(name) || name === TIMEFORMAT_MODIFIER
  );
}

/** The field and side a modifier bounds; undefined for timeformat, refused and other names. */
export function modifierTarget(
  name: string,
): { readonly field: TimeField; readonly side: Side } | undefined {
  const spec = ownEntry(MODIFIERS, name);
  return spec === undefined ? undefined : { field: spec.field, side: spec.side };
}

/** `field op time`: the test one time modifier makes. */
export interface TimeCondition {
  readonly field: TimeField;
  readonly op: '>=' | '>' | '<' | '<=';
  readonly time: number;
  /** Which side the modifier names (an earliest-side modifier written with `<` still counts as earliest). */
  readonly side: Side;
}

export type TimeConditionResult =
  | { readonly ok: true; readonly condition: TimeCondition }
  | { readonly ok: false; readonly message: string };

export interface TimeConditionContext {
  /** The search's time, epoch seconds: what relative modifiers count from. */
  readonly now: number;
  readonly timeformat?: string;
}

/**
 * The condition `name op value` makes. `=` means the modifier's own side (`earliest=x` is
 * `_time >= x`, `latest=x` is `_time < x`); `<`, `<=`, `>`, `>=` compare as written (the
 * Search Reference writes `latest<@d` and `earliest>=@d+1h`). `earliest=0` is all time.
 */
export function timeCondition(
  name: string,
  op: string,
  value: string,
  context: TimeConditionContext,
): TimeConditionResult {
  if (REFUSED.has(name)) {
    return fail(
      `${name}= is not supported: the Search Reference does not say where its span starts; use earliest= and latest=`,
    );
  }
  const spec = ownEntry(MODIFIERS, name);
  if (spec === undefined) return fail(`${name} is not a time modifier`);
  if (op === '!=') return fail(`${name} takes =, <, <=, > or >=, not !=`);
  const parsed = parseValue(spec.value, value, context);
  if (!parsed.ok) return fail(`${name}=${parsed.message}`);
  let time = resolveTimeModifier(parsed.modifier, context.now);
  if (!Number.isFinite(time)) return fail(`${name}=${value} is out of range`);
  if (spec.side === 'earliest' && time === 0 && parsed.modifier.kind === 'absolute') {
    time = Number.NEGATIVE_INFINITY; // "Use earliest=0 to specify the earliest event in your data."
  }
  const written = op === '=' ? (spec.side === 'earliest' ? '>=' : '<') : op;
  if (written !== '>=' && written !== '>' && written !== '<' && written !== '<=') {
    return fail(`${name} takes =, <, <=, > or >=`);
  }
  return { ok: true, condition: { field: spec.field, op: written, time, side: spec.side } };
}

function fail(message: string): TimeConditionResult {
  return { ok: false, message };
}

function parseValue(
  kind: ValueKind,
  value: string,
  context: TimeConditionContext,
): TimeModifierParse {
  const format = context.timeformat === undefined ? {} : { timeformat: context.timeformat };
  switch (kind.kind) {
    case 'modifier':
      return parseTimeModifier(value, format);
    case 'timestamp': {
      const parsed = parseTimeModifier(value, format);
      return parsed.ok && parsed.modifier.kind === 'relative'
        ? { ok: false, message: `"${value}" must be a timestamp in the timeformat` }
        : parsed;
    }
    case 'epoch':
      return /^\d+(?:\.\d+)?$/.test(value)
        ? { ok: true, modifier: { kind: 'absolute', time: Number(value) } }
        : { ok: false, message: `"${value}" must be epoch seconds` };
    case 'ago': {
      if (!/^\d{1,9}$/.test(value)) {
        return { ok: false, message: `"${value}" must be a whole number` };
      }
      const steps = parseRelativeTime(`-${value}${kind.unit}`);
      return steps.ok
        ? { ok: true, modifier: { kind: 'relative', steps: steps.steps } }
        : { ok: false, message: steps.reason };
    }
  }
}

/** Whether `time` passes a condition. */
export function meetsCondition(condition: TimeCondition, time: number): boolean {
  switch (condition.op) {
    case '>=':
      return time >= condition.time;
    case '>':
      return time > condition.time;
    case '<':
      return time < condition.time;
    case '<=':
      return time <= condition.time;
  }
}
