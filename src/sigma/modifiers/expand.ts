// `expand`: `%name%` becomes a placeholder, resolved from configured values when compiling.
import { insertPlaceholders } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';

export const expandModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string', 're'],
  apply(value: SigmaValue): SigmaValue {
    if (value.kind === 'string') return { ...value, parts: insertPlaceholders(value.parts) };
    // Regex placeholders keep the `%name%` text; the compiler substitutes them textually.
    return value.kind === 're' ? { ...value, placeholders: true } : value;
  },
};
