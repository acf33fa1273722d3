// Multivalue functions: mvcount, mvindex, mvjoin, mvappend, mvdedup, mvsort, mvzip, split.
import { multivalue, type Scalar } from '../../../core/index.ts';
import { compareText } from '../../value/compare.ts';
import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import {
  capText,
  capValues,
  concatCapped,
  MAX_MULTIVALUE_VALUES,
  MAX_VALUE_CHARS,
} from '../../value/value-limits.ts';
import { defineValueFunction } from './define.ts';

/** The values of an argument: null and booleans have none. */
export function valuesOfArg(value: EvalValue): readonly Scalar[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return typeof value === 'object' ? value : [value];
}

function integerArg(value: EvalValue): number | undefined {
  const n = scalarToNumber(firstScalar(value));
  return n === undefined ? undefined : Math.trunc(n);
}

export const mvcountFunction = defineValueFunction({
  name: 'mvcount',
  minArgs: 1,
  maxArgs: 1,
  returns: 'number',
  summary: 'mvcount(X): the number of values of X; null when X is null',
  apply: ([x]) => (x === undefined || typeof x === 'boolean' ? undefined : valuesOfArg(x).length),
});

/** mvindex(X, start[, end]): 0-based, end inclusive, negative counts from the end. */
export const mvindexFunction = defineValueFunction({
  name: 'mvindex',
  minArgs: 2,
  maxArgs: 3,
  returns: 'any',
  summary:
    'mvindex(X, start[, end]): values start..end (0-based, inclusive; negative from the end)',
  apply: ([x, s, e]) => {
    const values = valuesOfArg(x);
    const n = values.length;
    let start = integerArg(s);
    if (n === 0 || start === undefined) return undefined;
    if (start < 0) start += n;
    if (start < 0 || start >= n) return undefined;
    if (e === undefined) return values[start];
    let end = integerArg(e);
    if (end === undefined) return undefined;
    if (end < 0) end += n;
    if (end < start) return undefined;
    return multivalue(values.slice(start, Math.min(end, n - 1) + 1));
  },
});

export const mvjoinFunction = defineValueFunction({
  name: 'mvjoin',
  minArgs: 2,
  maxArgs: 2,
  returns: 'string',
  summary: 'mvjoin(X, delimiter): the values of X joined into one string',
  apply: ([x, d]) => {
    const values = valuesOfArg(x);
    const delimiter = firstScalar(d);
    if (values.length === 0 || delimiter === undefined) return undefined;
    return capText(capValues(values.map(scalarToString)).join(scalarToString(delimiter)));
  },
});

export const mvappendFunction = defineValueFunction({
  name: 'mvappend',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  summary: 'mvappend(X, ...): all values of all arguments, nulls skipped',
  apply: (args) => multivalue(capValues(args.flatMap((a) => valuesOfArg(a)))),
});

export const mvdedupFunction = defineValueFunction({
  name: 'mvdedup',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'mvdedup(X): X without repeated values, first occurrences kept in order',
  apply: ([x]) => {
    const seen = new Set<string>();
    const out: Scalar[] = [];
    for (const v of valuesOfArg(x)) {
      const key = scalarToString(v);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(v);
      }
    }
    return multivalue(out);
  },
});

/** mvsort(X): lexicographic ("Numbers are sorted before letters ... based on the first digit"). */
export const mvsortFunction = defineValueFunction({
  name: 'mvsort',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'mvsort(X): the values of X in lexicographic order',
  apply: ([x]) =>
    multivalue(
      [...valuesOfArg(x)].sort((a, b) => compareText(scalarToString(a), scalarToString(b))),
    ),
});

export const mvzipFunction = defineValueFunction({
  name: 'mvzip',
  minArgs: 2,
  maxArgs: 3,
  returns: 'any',
  summary: 'mvzip(X, Y[, delimiter]): X and Y paired value by value, joined with "," by default',
  apply: ([x, y, d]) => {
    const left = valuesOfArg(x);
    const right = valuesOfArg(y);
    const delimiter = d === undefined ? ',' : firstScalar(d);
    if (delimiter === undefined) return undefined;
    const n = Math.min(left.length, right.length, MAX_MULTIVALUE_VALUES + 1);
    const out: string[] = [];
    let chars = 0;
    for (let i = 0; i < n && chars <= MAX_VALUE_CHARS; i++) {
      const pair = concatCapped(
        concatCapped(scalarToString(left[i] as Scalar), scalarToString(delimiter)),
        scalarToString(right[i] as Scalar),
      );
      chars += pair.length;
      out.push(pair);
    }
    return multivalue(capValues(out));
  },
});

function firstCharacters(text: string, limit: number): string[] {
  const out: string[] = [];
  for (const c of text) {
    if (out.length >= limit) break;
    out.push(c);
  }
  return out;
}

/** split(X, delimiter): a literal delimiter; "" splits into characters. */
export const splitFunction = defineValueFunction({
  name: 'split',
  minArgs: 2,
  maxArgs: 2,
  returns: 'any',
  summary: 'split(X, delimiter): X cut at every delimiter into a multivalue',
  apply: ([x, d]) => {
    const v = firstScalar(x);
    const delimiter = firstScalar(d);
    if (v === undefined || delimiter === undefined) return undefined;
    const text = scalarToString(v);
    const sep = scalarToString(delimiter);
    // One past the cap is enough to know it was reached: a 16 Mi-character text is not split whole.
    const parts =
      sep === ''
        ? firstCharacters(text, MAX_MULTIVALUE_VALUES + 1)
        : text.split(sep, MAX_MULTIVALUE_VALUES + 1);
    return multivalue(capValues(parts));
  },
});
