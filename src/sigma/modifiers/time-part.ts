// `minute`/`hour`/`day`/`week`/`month`/`year` (spec v2.1): compare that part of a date field.
import type { SigmaValue, TimePart } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';

export function timePartModifier(part: TimePart): ValueModifier {
  return {
    scope: 'value',
    accepts: ['number'],
    apply(value: SigmaValue): SigmaValue {
      return value.kind === 'number'
        ? { kind: 'time-part', part, number: Math.trunc(value.value) }
        : value;
    },
  };
}
