// dc/distinct_count, values and list: the aggregates over the set (or sequence) of values.
import { multivalue, type Scalar, valueBytes } from '../../../core/index.ts';
import { compareText } from '../../value/compare.ts';
import { scalarToString } from '../../value/number.ts';
import type { AggregateSpec } from './aggregate-types.ts';
import { forEachValue } from './each-value.ts';

export const dcAggregate: AggregateSpec = {
  name: 'dc',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'dc(X): the number of distinct values of X',
  create: () => {
    const seen = new Set<string>();
    let bytes = 0;
    return {
      add: (value) => forEachValue(value, (v) => (bytes += addDistinct(seen, scalarToString(v)))),
      result: () => seen.size,
      bytes: () => bytes,
    };
  },
};

/** Adds `text` to `seen`; the bytes that cost (0 when it was there). */
function addDistinct(seen: Set<string>, text: string): number {
  if (seen.has(text)) return 0;
  seen.add(text);
  return 16 + valueBytes(text);
}

/**
 * values(X): distinct values in lexicographic order, as strings ("The order of the values is
 * lexicographical ... processes field values as strings", Search Reference, Multivalue stats
 * functions). No cap by default (limits.conf [stats] maxvalues = 0).
 */
export const valuesAggregate: AggregateSpec = {
  name: 'values',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'values(X): the distinct values of X, lexicographically sorted',
  create: () => {
    const seen = new Set<string>();
    let bytes = 0;
    return {
      add: (value) => forEachValue(value, (v) => (bytes += addDistinct(seen, scalarToString(v)))),
      result: () => multivalue([...seen].sort(compareText)),
      bytes: () => bytes,
    };
  },
};

/** list(X): values in event order, the first 100 only ("If more than 100 values ... only the first 100 are returned"). */
const LIST_LIMIT = 100;

export const listAggregate: AggregateSpec = {
  name: 'list',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'list(X): the values of X in event order (first 100)',
  create: () => {
    const items: Scalar[] = [];
    let bytes = 0;
    return {
      add: (value) =>
        forEachValue(value, (v) => {
          if (items.length >= LIST_LIMIT) return;
          items.push(v);
          bytes += valueBytes(v);
        }),
      result: () => multivalue(items),
      bytes: () => bytes,
    };
  },
};
