// `re`: the value is a regular expression, used verbatim (no Sigma unescaping), case-sensitive.
import { literalText } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { type ModifierContext, requireFirst, type ValueModifier } from './modifier.ts';

export const reModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue, context: ModifierContext): SigmaValue {
    requireFirst('re', context);
    // Values of items carrying `re` are loaded raw (pySigma SigmaString.from_str), one literal part.
    if (value.kind !== 'string') return value;
    return { kind: 're', pattern: literalText(value.parts), flags: new Set() };
  },
};
