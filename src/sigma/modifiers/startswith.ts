// `startswith`: the value is a prefix (a trailing wildcard, or `.*` after a regex).
import { ANY, concatParts, endsWithAny } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';
import { wrapRegex } from './regex-wrap.ts';

export const startswithModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string', 're', 'fieldref'],
  apply(value: SigmaValue): SigmaValue {
    switch (value.kind) {
      case 'string':
        return endsWithAny(value.parts)
          ? value
          : { ...value, parts: concatParts(value.parts, [ANY]) };
      case 're':
        return wrapRegex(value, false, true);
      case 'fieldref':
        return { ...value, startsWith: true };
      default:
        return value;
    }
  },
};
