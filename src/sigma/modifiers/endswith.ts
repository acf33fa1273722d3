// `endswith`: the value is a suffix (a leading wildcard, or `.*` before a regex).
import { ANY, concatParts, startsWithAny } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';
import { wrapRegex } from './regex-wrap.ts';

export const endswithModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string', 're', 'fieldref'],
  apply(value: SigmaValue): SigmaValue {
    switch (value.kind) {
      case 'string':
        return startsWithAny(value.parts)
          ? value
          : { ...value, parts: concatParts([ANY], value.parts) };
      case 're':
        return wrapRegex(value, true, false);
      case 'fieldref':
        return { ...value, endsWith: true };
      default:
        return value;
    }
  },
};
