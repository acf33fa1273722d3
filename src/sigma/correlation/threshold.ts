// Correlation conditions: `{gte: 10}`, ranges (`{gt: 100, lte: 200}`, ANDed) and when to judge them.
import type { CorrelationOperator, CorrelationThreshold } from '../model/rule.ts';

export function thresholdHolds(threshold: CorrelationThreshold, value: number): boolean {
  return threshold.bounds.every(({ op, value: limit }) => holds(op, value, limit));
}

function holds(op: CorrelationOperator, value: number, limit: number): boolean {
  switch (op) {
    case 'gt':
      return value > limit;
    case 'gte':
      return value >= limit;
    case 'lt':
      return value < limit;
    case 'lte':
      return value <= limit;
    case 'eq':
      return value === limit;
    case 'neq':
      return value !== limit;
  }
}

/**
 * Lower bounds only (`gt`/`gte`): reaching them while events arrive is final, so a sliding window
 * fires at once. Anything else (`lt`, `eq`, ranges) can only be judged on a complete window.
 */
export function firesEarly(threshold: CorrelationThreshold): boolean {
  return threshold.bounds.every((b) => b.op === 'gt' || b.op === 'gte');
}

/** For early conditions: how many items a sliding window must keep at most to decide. */
export function itemsToKeep(threshold: CorrelationThreshold): number {
  const limit = Math.max(
    ...threshold.bounds.map((b) => (b.op === 'gt' ? Math.floor(b.value) + 1 : Math.ceil(b.value))),
  );
  return Math.max(1, limit);
}
