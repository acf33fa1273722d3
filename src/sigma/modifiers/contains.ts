// `contains`: the value may appear anywhere (wildcards around strings, `.*` around regexes).
import { ANY, concatParts, endsWithAny, startsWithAny } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';
import { wrapRegex } from './regex-wrap.ts';

export const containsModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string', 're', 'fieldref'],
  apply(value: SigmaValue): SigmaValue {
    switch (value.kind) {
      case 'string': {
        const head = startsWithAny(value.parts) ? [] : [ANY];
        const tail = endsWithAny(value.parts) ? [] : [ANY];
        return { ...value, parts: concatParts(head, value.parts, tail) };
      }
      case 're':
        return wrapRegex(value, true, true);
      case 'fieldref':
        return { ...value, startsWith: true, endsWith: true };
      default:
        return value;
    }
  },
};
