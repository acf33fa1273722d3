// Compiles a Sigma string (literal text with * and ? wildcards) into a matcher over one value.
import { RE2JS } from 're2js';
import type { SigmaStringParts } from '../model/sigma-string.ts';
import { foldCase } from './case-fold.ts';

/** How a literal must sit in the value. */
export type Anchoring = 'exact' | 'prefix' | 'suffix' | 'contains';

/** A literal the value must contain for the pattern to match (fed to the multi-pattern automaton). */
export interface RequiredLiteral {
  /** Folded text. */
  readonly text: string;
  readonly anchoring: Anchoring;
}

export interface StringPattern {
  readonly cased: boolean;
  /** Set when the whole pattern is one literal with an anchoring: the literal decides alone. */
  readonly literal?: RequiredLiteral;
  /** A necessary literal when the pattern needs more checking; absent for `*`-only patterns. */
  readonly prefilter?: RequiredLiteral;
  /** Tests one value (the original text; the pattern folds it when case-insensitive). */
  test(value: string): boolean;
}

/** `?`: exactly one character. */
const ONE = Symbol('one');
type Token = string | typeof ONE;
type Segment = readonly Token[];

/**
 * Splits into `*`-separated segments of literal text and `?`. pySigma's wildcards: `*` is any run
 * of characters (including none and newlines), `?` exactly one character.
 */
function segmentsOf(parts: SigmaStringParts, fold: (s: string) => string): Segment[] {
  const segments: Token[][] = [[]];
  for (const part of parts) {
    const current = segments[segments.length - 1] as Token[];
    if (typeof part === 'string') {
      const text = fold(part);
      const last = current[current.length - 1];
      if (typeof last === 'string') current[current.length - 1] = last + text;
      else current.push(text);
    } else if ('wildcard' in part) {
      if (part.wildcard === '*') segments.push([]);
      else current.push(ONE);
    } else {
      throw new Error(`unresolved placeholder %${part.placeholder}%`);
    }
  }
  return segments;
}

export function compileStringPattern(parts: SigmaStringParts, cased: boolean): StringPattern {
  const fold = cased ? (s: string) => s : foldCase;
  const segments = segmentsOf(parts, fold);
  if (!segments.some((s) => s.includes(ONE))) {
    const lits = segments.map((s) => (s[0] as string | undefined) ?? '');
    const single = singleLiteral(lits);
    if (single) return literalPattern(single.text, single.anchoring, cased, fold);
    return globPattern(lits, cased, fold, longestLiteral(lits));
  }
  // `?` globs go to RE2 (linear time whatever the value) with `.` matching one code point.
  const regex = RE2JS.compile(globToRegex(segments), RE2JS.DOTALL);
  let prefilter: RequiredLiteral | undefined;
  segments.forEach((segment, i) => {
    segment.forEach((token, j) => {
      if (typeof token !== 'string' || token.length <= (prefilter?.text.length ?? 0)) return;
      prefilter = { text: token, anchoring: i === 0 && j === 0 ? 'prefix' : 'contains' };
    });
  });
  return {
    cased,
    ...(prefilter ? { prefilter } : {}),
    test: (value) => regex.testExact(fold(value)),
  };
}

/** Text of a one-literal pattern and its anchoring: `lit`, `lit*`, `*lit`, `*lit*`. */
function singleLiteral(lits: readonly string[]): RequiredLiteral | undefined {
  if (lits.length === 1) return { text: lits[0] as string, anchoring: 'exact' };
  if (lits.length === 2) {
    if (lits[1] === '') return { text: lits[0] as string, anchoring: 'prefix' };
    if (lits[0] === '') return { text: lits[1] as string, anchoring: 'suffix' };
    return undefined;
  }
  if (lits.length === 3 && lits[0] === '' && lits[2] === '') {
    return { text: lits[1] as string, anchoring: 'contains' };
  }
  return undefined;
}

function longestLiteral(lits: readonly string[]): RequiredLiteral | undefined {
  let best = -1;
  lits.forEach((l, i) => {
    if (l.length > 0 && (best < 0 || l.length > (lits[best] as string).length)) best = i;
  });
  if (best < 0) return undefined;
  const text = lits[best] as string;
  const anchoring: Anchoring =
    best === 0 ? 'prefix' : best === lits.length - 1 ? 'suffix' : 'contains';
  return { text, anchoring };
}

function literalPattern(
  text: string,
  anchoring: Anchoring,
  cased: boolean,
  fold: (s: string) => string,
): StringPattern {
  const literal = { text, anchoring };
  if (text === '' && anchoring !== 'exact') {
    // `*` (or `**`): any value, present.
    return { cased, test: () => true };
  }
  const test =
    anchoring === 'exact'
      ? (v: string) => v.length === text.length && fold(v) === text
      : anchoring === 'prefix'
        ? (v: string) => v.length >= text.length && fold(v.slice(0, text.length)) === text
        : anchoring === 'suffix'
          ? (v: string) => v.length >= text.length && fold(v.slice(v.length - text.length)) === text
          : (v: string) => v.length >= text.length && fold(v).includes(text);
  return { cased, literal, test };
}

/**
 * `*`-only globs: the first literal anchors at the start, the last at the end, the middle ones
 * are found leftmost-first in order, which is exact for `*` and linear per literal.
 */
function globPattern(
  lits: readonly string[],
  cased: boolean,
  fold: (s: string) => string,
  prefilter: RequiredLiteral | undefined,
): StringPattern {
  const head = lits[0] as string;
  const tail = lits[lits.length - 1] as string;
  const middle = lits.slice(1, -1).filter((l) => l !== '');
  const minLength = lits.reduce((n, l) => n + l.length, 0);
  return {
    cased,
    ...(prefilter ? { prefilter } : {}),
    test(value) {
      if (value.length < minLength) return false;
      const v = fold(value);
      if (!v.startsWith(head) || !v.endsWith(tail)) return false;
      let position = head.length;
      const end = v.length - tail.length;
      for (const m of middle) {
        const at = v.indexOf(m, position);
        if (at < 0 || at + m.length > end) return false;
        position = at + m.length;
      }
      return position <= end;
    },
  };
}

function globToRegex(segments: readonly Segment[]): string {
  return segments
    .map((segment) =>
      segment.map((t) => (t === ONE ? '.' : t.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))).join(''),
    )
    .join('.*');
}
