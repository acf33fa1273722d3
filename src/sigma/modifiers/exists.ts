// `exists`: `field|exists: true/false` checks only whether the field is present.
import type { SigmaValue } from '../model/sigma-value.ts';
import {
  type ModifierContext,
  ModifierError,
  requireFirst,
  type ValueModifier,
} from './modifier.ts';

export const existsModifier: ValueModifier = {
  scope: 'value',
  accepts: ['bool'],
  apply(value: SigmaValue, context: ModifierContext): SigmaValue {
    if (context.field === null) {
      throw new ModifierError('badModifier', 'the exists modifier must be applied to a field');
    }
    requireFirst('exists', context);
    return value.kind === 'bool' ? { kind: 'exists', exists: value.value } : value;
  },
};
