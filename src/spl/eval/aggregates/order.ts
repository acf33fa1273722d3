// first/last (event order) and earliest/latest, earliest_time/latest_time (by _time).
import type { MaybeValue } from '../../../core/index.ts';
import type { AggregateSpec } from './aggregate-types.ts';

/**
 * first(X)/last(X): the value of X in the first/last event the search sees that has X. Splunk
 * sees events newest first, so on raw events first() is the latest; here "first" is simply the
 * first event given to the accumulator (Search Reference, Event order functions).
 */
export const firstAggregate: AggregateSpec = {
  name: 'first',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'first(X): X of the first event that has it',
  create: () => {
    let value: MaybeValue;
    return {
      add: (v) => {
        if (value === undefined && v !== undefined) value = v;
      },
      result: () => value,
    };
  },
};

export const lastAggregate: AggregateSpec = {
  name: 'last',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'last(X): X of the last event that has it',
  create: () => {
    let value: MaybeValue;
    return {
      add: (v) => {
        if (v !== undefined) value = v;
      },
      result: () => value,
    };
  },
};

type TimeOrder = 'earliest' | 'latest';

function byTime(
  name: string,
  order: TimeOrder,
  returnsTime: boolean,
  summary: string,
): AggregateSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    needsTime: true,
    summary,
    create: () => {
      let bestTime: number | undefined;
      let value: MaybeValue;
      return {
        add: (v, time) => {
          if (v === undefined || time === undefined) return;
          // Ties keep the first event seen, so the result does not depend on batch boundaries.
          if (
            bestTime === undefined ||
            (order === 'earliest' ? time < bestTime : time > bestTime)
          ) {
            bestTime = time;
            value = v;
          }
        },
        result: () => (returnsTime ? bestTime : value),
      };
    },
  };
}

export const earliestAggregate = byTime(
  'earliest',
  'earliest',
  false,
  'earliest(X): X of the event with the smallest _time',
);
export const latestAggregate = byTime(
  'latest',
  'latest',
  false,
  'latest(X): X of the event with the largest _time',
);
export const earliestTimeAggregate = byTime(
  'earliest_time',
  'earliest',
  true,
  'earliest_time(X): the smallest _time of an event with X',
);
export const latestTimeAggregate = byTime(
  'latest_time',
  'latest',
  true,
  'latest_time(X): the largest _time of an event with X',
);
