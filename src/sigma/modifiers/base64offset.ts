// `base64offset`: the three base64 forms of a value at byte offsets 0, 1 and 2 inside a larger text.
import { hasWildcards, parseSigmaString, partsToPlain } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { ModifierError, type ValueModifier } from './modifier.ts';

const START_OFFSETS = [0, 2, 3] as const;
const END_OFFSETS = [undefined, -3, -2] as const;

export const base64offsetModifier: ValueModifier = {
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
    const plain = partsToPlain(value.parts);
    const bytes = Buffer.from(plain, 'utf8');
    // pySigma slices b64encode(i * b' ' + value)[start[i] : end[(len(value) + i) % 3]], len in characters.
    const length = [...plain].length;
    const values: SigmaValue[] = [0, 1, 2].map((i) => {
      const encoded = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
      const end = END_OFFSETS[(length + i) % 3];
      const text = encoded.slice(START_OFFSETS[i as 0 | 1 | 2], end);
      return { kind: 'string', parts: parseSigmaString(text), cased: value.cased };
    });
    return { kind: 'expansion', values };
  },
};
