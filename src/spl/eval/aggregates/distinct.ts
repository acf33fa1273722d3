// dc/distinct_count, values and list: the aggregates over the set (or sequence) of values.
import { multivalue, type Scalar } from '../../../core/index.ts';
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
    return {
      add: (value) => forEachValue(value, (v) => seen.add(scalarToString(v))),
      result: () => seen.size,
    };
  },
};

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
    return {
      add: (value) => forEachValue(value, (v) => seen.add(scalarToString(v))),
      result: () => multivalue([...seen].sort(compareText)),
    };
  },
};

/** list(X): values in event order, the first 100 only ("If more than 100 values ... only the first 100 are returned"). */
export const LIST_LIMIT = 100;

export const listAggregate: AggregateSpec = {
  name: 'list',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'list(X): the values of X in event order (first 100)',
  create: () => {
    const items: Scalar[] = [];
    return {
      add: (value) =>
        forEachValue(value, (v) => {
          if (items.length < LIST_LIMIT) items.push(v);
        }),
      result: () => multivalue(items),
    };
  },
};
