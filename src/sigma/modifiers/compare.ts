// `gt`/`gte`/`lt`/`lte`: numeric comparison of the field (or of a time part of it).
import type { CompareOperator, SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';

export function compareModifier(op: CompareOperator): ValueModifier {
  return {
    scope: 'value',
    accepts: ['number', 'time-part'],
    apply(value: SigmaValue): SigmaValue {
      if (value.kind === 'number') return { kind: 'compare', op, number: value.value };
      if (value.kind === 'time-part') {
        return { kind: 'compare', op, number: value.number, timePart: value.part };
      }
      return value;
    },
  };
}
