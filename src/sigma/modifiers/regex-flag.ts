// `i`/`ignorecase`, `m`/`multiline`, `s`/`dotall`: flags of a preceding `re`.
import type { RegexFlag, SigmaValue } from '../model/sigma-value.ts';
import type { ValueModifier } from './modifier.ts';

export function regexFlagModifier(flag: RegexFlag): ValueModifier {
  return {
    scope: 'value',
    accepts: ['re'],
    apply(value: SigmaValue): SigmaValue {
      if (value.kind !== 're') return value;
      return { ...value, flags: new Set([...value.flags, flag]) };
    },
  };
}
