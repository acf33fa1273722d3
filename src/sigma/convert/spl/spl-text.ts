// SPL spelling of Sigma values and field names, as pySigma's Splunk backend writes them.
import { createHash } from 'node:crypto';
import { isWildcard, type SigmaStringParts } from '../../model/sigma-string.ts';
import type { SigmaRegexValue } from '../../model/sigma-value.ts';

/** Python's `\w` (Unicode word characters) and `.`: field names that need no quotes. */
const PLAIN_FIELD = /^[\p{L}\p{N}_.]+$/u;

/** `escape_and_quote_field`: quoted with `"` unless it is made of word characters and dots. */
export function splField(field: string): string {
  return PLAIN_FIELD.test(field) ? field : `"${field}"`;
}

/**
 * `convert_value_str`: `*` and `?` wildcards both become `*` (SPL has no one-character wildcard),
 * literal `*`, `"` and `\` get a backslash, and the value is always double-quoted.
 */
export function splString(parts: SigmaStringParts): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part.replace(/[*"\\]/g, '\\$&');
    else if (isWildcard(part)) out += '*';
    else out += `%${part.placeholder}%`;
  }
  return `"${out}"`;
}

/** `SigmaRegularExpression.escape(('"',), '\\')`: `"` and `\` escaped; flags as a `(?…)` prefix. */
export function splRegex(value: SigmaRegexValue): string {
  const flags = [...value.flags].sort().join('');
  return `${flags === '' ? '' : `(?${flags})`}${value.pattern.replace(/["\\]/g, '\\$&')}`;
}

/** Python `str()` of an int or float, as pySigma prints SigmaNumber. */
export function splNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? n.toFixed(0) : String(n);
}

/** `construct_field_match`/`variable`: rex group and eval names of OR-ed regexes (≤ 32 characters). */
export function regexNames(
  field: string,
  occurrence: number,
): { match: string; condition: string } {
  const cleaned = field.replace(/.*\./, '');
  const suffix = occurrence === 1 ? '' : String(occurrence);
  let match = `${cleaned}Match${suffix}`;
  if (match.length > 32) {
    const digest = createHash('blake2s256').update(cleaned).digest('hex').slice(0, 8);
    const prefix = Math.max(32 - `Match${suffix}`.length - digest.length, 0);
    match = `${cleaned.slice(0, prefix)}${digest}Match${suffix}`;
  }
  return { match, condition: `${cleaned}Condition${suffix}` };
}
