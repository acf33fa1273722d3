// String functions: lower, upper, len, substr, trim, ltrim, rtrim, urldecode.
import type { Scalar } from '../../../core/index.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { defineValueFunction, mapValues } from './define.ts';

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Characters, not UTF-16 units: len("é𝄞") is 2. */
function characters(text: string): readonly string[] | string {
  return HAS_SURROGATE.test(text) ? Array.from(text) : text;
}

export const lowerFunction = defineValueFunction({
  name: 'lower',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'lower(X): X in lower case (each value of a multivalue)',
  apply: ([x]) => mapValues(x, (v) => scalarToString(v).toLowerCase()),
});

export const upperFunction = defineValueFunction({
  name: 'upper',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'upper(X): X in upper case (each value of a multivalue)',
  apply: ([x]) => mapValues(x, (v) => scalarToString(v).toUpperCase()),
});

export const lenFunction = defineValueFunction({
  name: 'len',
  minArgs: 1,
  maxArgs: 1,
  returns: 'number',
  summary: 'len(X): the number of characters of X',
  apply: ([x]) => {
    const v = firstScalar(x);
    return v === undefined ? undefined : characters(scalarToString(v)).length;
  },
});

/**
 * substr(X, Y[, Z]): Z characters of X from position Y, 1-based; a negative Y counts from the
 * end (substr("string", -3) is "ing"); Y = 0 is the first character (Search Reference, Text
 * functions).
 */
export const substrFunction = defineValueFunction({
  name: 'substr',
  minArgs: 2,
  maxArgs: 3,
  returns: 'string',
  summary: 'substr(X, start, length): 1-based substring; negative start counts from the end',
  apply: ([x, y, z]) => {
    const v = firstScalar(x);
    const start = scalarToNumber(firstScalar(y));
    if (v === undefined || start === undefined) return undefined;
    const chars = characters(scalarToString(v));
    const from =
      Math.trunc(start) > 0
        ? Math.trunc(start) - 1
        : Math.trunc(start) < 0
          ? Math.max(0, chars.length + Math.trunc(start))
          : 0;
    let to = chars.length;
    if (z !== undefined) {
      const length = scalarToNumber(firstScalar(z));
      if (length === undefined || length < 0) return undefined;
      to = Math.min(chars.length, from + Math.trunc(length));
    }
    return typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join('');
  },
});

type TrimSide = 'both' | 'left' | 'right';

function trimChars(text: string, set: ReadonlySet<string>, side: TrimSide): string {
  let start = 0;
  let end = text.length;
  if (side !== 'right') while (start < end && set.has(text[start] as string)) start++;
  if (side !== 'left') while (end > start && set.has(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

// "If Y is not specified, spaces and tabs are removed" (Search Reference, trim).
const DEFAULT_TRIM = new Set([' ', '\t']);

function trimFunction(name: string, side: TrimSide) {
  return defineValueFunction({
    name,
    minArgs: 1,
    maxArgs: 2,
    returns: 'any',
    summary: `${name}(X[, chars]): X without the given characters (default space and tab) at ${side === 'both' ? 'both ends' : side === 'left' ? 'the start' : 'the end'}`,
    apply: ([x, chars]) => {
      let set = DEFAULT_TRIM;
      if (chars !== undefined) {
        const c = firstScalar(chars);
        if (c === undefined) return undefined;
        set = new Set(scalarToString(c));
      }
      return mapValues(x, (v: Scalar) => trimChars(scalarToString(v), set, side));
    },
  });
}

export const trimFunctionSpec = trimFunction('trim', 'both');
export const ltrimFunction = trimFunction('ltrim', 'left');
export const rtrimFunction = trimFunction('rtrim', 'right');

/** Decodes %XX (UTF-8) and `+`; a malformed escape is kept as written. */
function urlDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

export const urldecodeFunction = defineValueFunction({
  name: 'urldecode',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'urldecode(X): X with URL escapes decoded',
  apply: ([x]) => mapValues(x, (v) => urlDecode(scalarToString(v))),
});
