// `base64`: the value's UTF-8 bytes, base64-encoded (pySigma SigmaBase64Modifier).
import { hasWildcards, parseSigmaString, partsToPlain } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { ModifierError, type ValueModifier } from './modifier.ts';

export const base64Modifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue): SigmaValue {
    if (value.kind !== 'string') return value;
    if (hasWildcards(value.parts)) {
      throw new ModifierError(
        'badValue',
        'base64 encoding of strings with wildcards is not allowed',
      );
    }
    // pySigma encodes `str(value)`, its plain form (literal `*`/`?` carry a backslash).
    const encoded = Buffer.from(partsToPlain(value.parts), 'utf8').toString('base64');
    return { kind: 'string', parts: parseSigmaString(encoded), cased: value.cased };
  },
};
