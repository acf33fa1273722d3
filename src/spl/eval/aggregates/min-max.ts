// min(X), max(X) and range(X): numeric when X has numbers, lexicographic when it has none.
import type { MaybeValue } from '../../../core/index.ts';
import { compareText } from '../../value/compare.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import type { Accumulator, AggregateSpec } from './aggregate-types.ts';
import { forEachValue } from './each-value.ts';

/**
 * "If the values of X are non-numeric, the minimum value is found using lexicographical
 * ordering ... processes field values as numbers if possible" (Search Reference, min/max): the
 * numeric extreme when any value is a number, else the lexicographic one. O(1) memory.
 */
function extremeAccumulator(sign: 1 | -1): Accumulator & { numeric(): number | undefined } {
  let bestNumber: number | undefined;
  let bestNumberValue: MaybeValue;
  let bestText: string | undefined;
  return {
    add: (value) =>
      forEachValue(value, (v) => {
        const n = scalarToNumber(v);
        if (n !== undefined) {
          if (bestNumber === undefined || sign * (n - bestNumber) > 0) {
            bestNumber = n;
            bestNumberValue = v;
          }
          return;
        }
        const text = scalarToString(v);
        if (bestText === undefined || sign * compareText(text, bestText) > 0) bestText = text;
      }),
    result: () =>
      bestNumber !== undefined
        ? typeof bestNumberValue === 'number'
          ? bestNumberValue
          : bestNumber
        : bestText,
    numeric: () => bestNumber,
  };
}

export const minAggregate: AggregateSpec = {
  name: 'min',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'min(X): the smallest value of X (numeric if any value is a number)',
  create: () => extremeAccumulator(-1),
};

export const maxAggregate: AggregateSpec = {
  name: 'max',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'max(X): the largest value of X (numeric if any value is a number)',
  create: () => extremeAccumulator(1),
};

export const rangeAggregate: AggregateSpec = {
  name: 'range',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'range(X): max(X) - min(X) over the numeric values',
  create: () => {
    const low = extremeAccumulator(-1);
    const high = extremeAccumulator(1);
    return {
      add: (value, time) => {
        low.add(value, time);
        high.add(value, time);
      },
      result: () => {
        const a = low.numeric();
        const b = high.numeric();
        return a === undefined || b === undefined ? undefined : b - a;
      },
    };
  },
};
