// The time window a search clause's modifiers allow, for plans to report and stores to push down.
import {
  forEachSearchLeaf,
  type SearchComparison,
  type SearchExpr,
  type SearchIn,
} from '../ast/search.ts';
import {
  isTimeModifierName,
  modifierTarget,
  TIMEFORMAT_MODIFIER,
  type TimeCondition,
  type TimeConditionContext,
  timeCondition,
} from './search-time-modifiers.ts';
import { ALL_TIME, hullBounds, intersectBounds, type TimeBounds } from './time-bounds.ts';

/** What a clause says about time, found before compiling it. */
export interface ClauseTimeModifiers {
  /** The clause's `timeformat=` value, if any. */
  readonly timeformat?: string;
  /** Some `_time` modifier is written (the clause sets its own time range). */
  readonly setsTime: boolean;
  /**
   * An earliest-side `_time` modifier is written and no latest-side one: Splunk then bounds the
   * search at `now` ("If you omit latest, the current time (now) is used").
   */
  readonly latestIsNow: boolean;
}

/**
 * Per clause: every piece of a long clause asks about the whole clause when it compiles (its
 * `partOf`), so without this a clause of n terms costs n² (found by the fuzz suite).
 */
const scanned = new WeakMap<SearchExpr, ClauseTimeModifiers>();

/** Scans a clause for time modifiers (subsearches aside: their modifiers are their own). */
export function clauseTimeModifiers(expr: SearchExpr | undefined): ClauseTimeModifiers {
  if (expr === undefined) return scanClause(undefined);
  let modifiers = scanned.get(expr);
  if (modifiers === undefined) {
    modifiers = scanClause(expr);
    scanned.set(expr, modifiers);
  }
  return modifiers;
}

function scanClause(expr: SearchExpr | undefined): ClauseTimeModifiers {
  let timeformat: string | undefined;
  let earliest = false;
  let latest = false;
  const visit = (node: SearchComparison | SearchIn): void => {
    if (node.kind !== 'SearchComparison' || !isTimeModifier(node)) return;
    if (node.field === TIMEFORMAT_MODIFIER) timeformat ??= node.value.text;
    const target = modifierTarget(node.field);
    if (target?.field !== '_time') return;
    if (target.side === 'earliest') earliest = true;
    else latest = true;
  };
  if (expr !== undefined) forEachSearchLeaf(expr, visit);
  return {
    ...(timeformat === undefined ? {} : { timeformat }),
    setsTime: earliest || latest,
    latestIsNow: earliest && !latest,
  };
}

/** A bare (unquoted) field name that is a time modifier: `earliest=-1d`, not `"earliest"=x`. */
export function isTimeModifier(
  node: Extract<SearchExpr, { kind: 'SearchComparison' | 'SearchIn' }>,
): boolean {
  return node.fieldQuoting === undefined && isTimeModifierName(node.field);
}

/** The `_time` and `_indextime` windows of a clause: every event it can keep lies inside them. */
export interface ClauseTimeWindow {
  readonly time: TimeBounds;
  readonly indexTime: TimeBounds;
}

/**
 * Over-approximates the times a clause can keep: AND intersects, OR takes the smallest window
 * holding every branch, NOT and other terms do not narrow. Conditions that do not resolve are
 * left out (the compiler reports them).
 */
export function clauseTimeWindow(
  expr: SearchExpr | undefined,
  context: TimeConditionContext,
): ClauseTimeWindow {
  const modifiers = clauseTimeModifiers(expr);
  const withFormat: TimeConditionContext =
    modifiers.timeformat === undefined ? context : { ...context, timeformat: modifiers.timeformat };
  const window = expr === undefined ? UNBOUNDED : windowOf(expr, withFormat);
  if (!modifiers.latestIsNow) return window;
  return { ...window, time: intersectBounds(window.time, { latest: context.now }) };
}

const UNBOUNDED: ClauseTimeWindow = { time: ALL_TIME, indexTime: ALL_TIME };

function windowOf(expr: SearchExpr, context: TimeConditionContext): ClauseTimeWindow {
  switch (expr.kind) {
    case 'SearchAnd':
      return expr.operands.map((o) => windowOf(o, context)).reduce(combine(intersectBounds));
    case 'SearchOr':
      return expr.operands.map((o) => windowOf(o, context)).reduce(combine(hullBounds));
    case 'SearchComparison': {
      if (!isTimeModifier(expr) || expr.field === TIMEFORMAT_MODIFIER) return UNBOUNDED;
      const result = timeCondition(expr.field, expr.op, expr.value.text, context);
      if (!result.ok) return UNBOUNDED;
      const bounds = conditionBounds(result.condition);
      return result.condition.field === '_time'
        ? { time: bounds, indexTime: ALL_TIME }
        : { time: ALL_TIME, indexTime: bounds };
    }
    default:
      return UNBOUNDED;
  }
}

function combine(
  join: (a: TimeBounds, b: TimeBounds) => TimeBounds,
): (a: ClauseTimeWindow, b: ClauseTimeWindow) => ClauseTimeWindow {
  return (a, b) => ({ time: join(a.time, b.time), indexTime: join(a.indexTime, b.indexTime) });
}

/** The window of one condition; `<=` widens to the next representable time, so it still holds t. */
function conditionBounds(condition: TimeCondition): TimeBounds {
  const t = condition.time;
  switch (condition.op) {
    case '>=':
    case '>':
      return t === Number.NEGATIVE_INFINITY ? ALL_TIME : { earliest: t };
    case '<':
      return { latest: t };
    case '<=':
      return { latest: nextUp(t) };
  }
}

function nextUp(t: number): number {
  if (t === 0) return Number.MIN_VALUE;
  const buffer = new Float64Array([t]);
  const bits = new BigInt64Array(buffer.buffer);
  bits[0] = (bits[0] as bigint) + (t > 0 ? 1n : -1n);
  return buffer[0] as number;
}
