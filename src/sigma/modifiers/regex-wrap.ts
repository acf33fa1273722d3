// pySigma's contains/startswith/endswith on regexes: add `.*` unless the regex is anchored there.
import type { SigmaRegexValue } from '../model/sigma-value.ts';

export function wrapRegex(
  value: SigmaRegexValue,
  before: boolean,
  after: boolean,
): SigmaRegexValue {
  const original = value.pattern;
  let pattern = original;
  if (before && original.slice(0, 2) !== '.*' && original[0] !== '^') pattern = `.*${pattern}`;
  if (after && original.slice(-2) !== '.*' && original[original.length - 1] !== '$') {
    pattern = `${pattern}.*`;
  }
  return { ...value, pattern };
}
