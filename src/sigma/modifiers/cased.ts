// `cased`: the string is compared case-sensitively.
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';

export const casedModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue): SigmaValue {
    return value.kind === 'string' ? { ...value, cased: true } : value;
  },
};
