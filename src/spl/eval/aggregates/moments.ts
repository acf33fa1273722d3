// sum, avg/mean, stdev, stdevp, var, varp over the numeric values of X (O(1) memory).
import type { MaybeValue } from '../../../core/index.ts';
import type { AggregateSpec } from './aggregate-types.ts';
import { forEachNumber } from './each-value.ts';

export const sumAggregate: AggregateSpec = {
  name: 'sum',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'sum(X): the sum of the numeric values of X',
  create: () => {
    let total = 0;
    let seen = false;
    return {
      add: (value) =>
        forEachNumber(value, (n) => {
          total += n;
          seen = true;
        }),
      result: () => (seen ? total : undefined),
    };
  },
};

type Moment = 'avg' | 'stdev' | 'stdevp' | 'var' | 'varp';

/**
 * Welford's online variance (one pass, stable for large counts); the mean is the plain sum over
 * the count, as Splunk computes it: 100 values of 3.99 average to 3.9900000000000055 (Search
 * Reference, sigfig).
 */
function momentAggregate(name: Moment | 'mean', moment: Moment, summary: string): AggregateSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    needsTime: false,
    summary,
    create: () => {
      let n = 0;
      let mean = 0;
      let m2 = 0;
      let total = 0;
      return {
        add: (value) =>
          forEachNumber(value, (x) => {
            n++;
            total += x;
            const delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
          }),
        result: (): MaybeValue => {
          if (n === 0) return undefined;
          switch (moment) {
            case 'avg':
              return total / n;
            case 'varp':
              return m2 / n;
            case 'stdevp':
              return Math.sqrt(m2 / n);
            case 'var':
              return n < 2 ? undefined : m2 / (n - 1);
            case 'stdev':
              return n < 2 ? undefined : Math.sqrt(m2 / (n - 1));
          }
        },
      };
    },
  };
}

export const avgAggregate = momentAggregate(
  'avg',
  'avg',
  'avg(X): the mean of the numeric values of X',
);
export const meanAggregate = momentAggregate(
  'mean',
  'avg',
  'mean(X): the mean of the numeric values of X',
);
export const stdevAggregate = momentAggregate(
  'stdev',
  'stdev',
  'stdev(X): sample standard deviation',
);
export const stdevpAggregate = momentAggregate(
  'stdevp',
  'stdevp',
  'stdevp(X): population standard deviation',
);
export const varAggregate = momentAggregate('var', 'var', 'var(X): sample variance');
export const varpAggregate = momentAggregate('varp', 'varp', 'varp(X): population variance');
