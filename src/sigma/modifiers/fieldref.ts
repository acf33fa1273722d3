// `fieldref`: the value names another field of the same event to compare with.
import { hasWildcards, partsToPlain } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { ModifierError, type ValueModifier } from './modifier.ts';

export const fieldrefModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue): SigmaValue {
    if (value.kind !== 'string') return value;
    if (hasWildcards(value.parts)) {
      throw new ModifierError('badValue', 'field references must not contain wildcards');
    }
    return {
      kind: 'fieldref',
      field: partsToPlain(value.parts),
      startsWith: false,
      endsWith: false,
    };
  },
};
