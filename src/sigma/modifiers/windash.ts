// `windash`: every flag dash/slash becomes each of - / – — ― (all combinations), as pySigma does.
import type { SigmaStringParts, StringPart } from '../model/sigma-string.ts';
import { concatParts } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { ModifierError, type ValueModifier } from './modifier.ts';

const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;
/** Safety cap: 8 flags already give 390,625 variants. */
const MAX_VARIANTS = 100_000;

/** Python's Unicode `\w`: letters, digits (any script) and underscore. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /^[\p{L}\p{N}_]$/u.test(c);
}

/**
 * Positions pySigma's `\B[-/]\b` selects in one literal part: a dash or slash with no word
 * character before it and a word character after it (`-param-name`: only the first dash).
 */
function flagPositions(text: string): number[] {
  const chars = [...text];
  const positions: number[] = [];
  chars.forEach((c, i) => {
    if ((c === '-' || c === '/') && !isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])) {
      positions.push(i);
    }
  });
  return positions;
}

function expandPart(part: StringPart): StringPart[][] {
  if (typeof part !== 'string') return [[part]];
  const chars = [...part];
  const positions = flagPositions(part);
  let variants: string[][] = [chars];
  for (const position of positions) {
    variants = variants.flatMap((variant) =>
      DASHES.map((dash) => variant.map((c, i) => (i === position ? dash : c))),
    );
  }
  return variants.map((v) => [v.join('')]);
}

export const windashModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue): SigmaValue {
    if (value.kind !== 'string') return value;
    let results: SigmaStringParts[] = [[]];
    for (const part of value.parts) {
      const options = expandPart(part);
      if (results.length * options.length > MAX_VARIANTS) {
        throw new ModifierError(
          'badValue',
          `windash would produce more than ${MAX_VARIANTS} variants`,
        );
      }
      results = results.flatMap((prefix) => options.map((option) => concatParts(prefix, option)));
    }
    return { kind: 'expansion', values: results.map((parts) => ({ ...value, parts })) };
  },
};
