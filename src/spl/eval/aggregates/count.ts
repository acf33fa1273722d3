// count and count(X): events, or occurrences of values of X (each value of a multivalue).
import type { AggregateSpec } from './aggregate-types.ts';
import { forEachValue } from './each-value.ts';

export const countAggregate: AggregateSpec = {
  name: 'count',
  minArgs: 0,
  maxArgs: 1,
  needsTime: false,
  summary: 'count: events; count(X): occurrences of values of X (count(eval(cond)) counts true)',
  create: (arity) => {
    let n = 0;
    return {
      add: (value) => {
        if (arity === 0) n++;
        else forEachValue(value, () => n++);
      },
      result: () => n,
    };
  },
};
