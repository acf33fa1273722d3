// Finds a literal every match of a regex must contain, to prefilter it with the automaton.
//
// Only the top-level concatenation is read: runs of plain or escaped characters outside groups and
// classes; a quantifier that allows zero repetitions drops its atom. Any top-level `|` means no
// literal. Good enough for Sigma's regexes, and always safe: when in doubt it returns nothing.
import { foldCase } from './case-fold.ts';
import type { RequiredLiteral } from './string-pattern.ts';

const CLASS_ESCAPES = new Set([
  'd',
  'D',
  'w',
  'W',
  's',
  'S',
  'b',
  'B',
  'A',
  'Z',
  'z',
  'G',
  'p',
  'P',
  'X',
  'R',
  'K',
  'h',
  'H',
  'v',
  'V',
  'Q',
  'E',
  'C',
  'N',
]);
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
};

/**
 * `caseInsensitive`: the `i` modifier; inline `(?i…)` flags are seen in the pattern itself.
 */
export function requiredLiteral(
  pattern: string,
  caseInsensitive: boolean,
): RequiredLiteral | undefined {
  const folding = caseInsensitive || /\(\?[a-zA-Z-]*i/.test(pattern);
  let source = pattern;
  const inline = /^\(\?([a-zA-Z]+)\)/.exec(source);
  if (inline) {
    // Verbose mode ignores whitespace: runs would not be literals.
    if ((inline[1] ?? '').includes('x')) return undefined;
    source = source.slice(inline[0].length);
  }
  const runs: string[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    let atom: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = source.charAt(i + 1);
      if (e === '' || CLASS_ESCAPES.has(e) || /[0-9xuc]/.test(e)) {
        atom = undefined;
        next = i + 2;
        if (/[xuc]/.test(e)) return longest(runs, folding);
      } else {
        atom = SIMPLE_ESCAPES[e] ?? e;
        next = i + 2;
      }
    } else if (c === '|') {
      return undefined;
    } else if (c === '(') {
      const close = skipGroup(source, i);
      if (close < 0) return undefined;
      next = close + 1;
    } else if (c === '[') {
      const close = skipClass(source, i);
      if (close < 0) return undefined;
      next = close + 1;
    } else if (c === '.' || c === '$' || c === '^') {
      atom = undefined;
    } else if ('*+?{}'.includes(c)) {
      // A quantifier with nothing to quantify, or a brace that is not one: no literal claim.
      return undefined;
    } else {
      atom = c;
    }
    // A following quantifier decides whether the atom is required; it is skipped whole.
    const q = source.charAt(next);
    let optional = false;
    let repeated = false;
    if (q === '*' || q === '?') {
      optional = true;
      next++;
    } else if (q === '+') {
      repeated = true;
      next++;
    } else if (q === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(source.slice(next));
      if (m) {
        if ((m[1] ?? '') === '' || m[1] === '0') optional = true;
        else repeated = true;
        next += m[0].length;
      }
    }
    if ((optional || repeated) && (source.charAt(next) === '?' || source.charAt(next) === '+'))
      next++;
    if (atom !== undefined && !optional) run += atom;
    if (atom === undefined || optional || repeated) flush();
    i = next;
  }
  flush();
  return longest(runs, folding);
}

/**
 * Characters a case-insensitive regex equates with others that case folding keeps apart (`s` and
 * `ſ`, Greek and Cyrillic letter variants, characters outside the BMP): RE2 folds by Unicode
 * case orbits, the automata lower-case each UTF-16 code unit. Every other ASCII character folds
 * the same way in both.
 */
const ORBIT_MISMATCH = /[sS\u0080-\uffff]/;

/**
 * The longest run, as a substring to find anywhere (`^` may mean line start with `m`). When the
 * regex folds case, runs are cut at the characters it folds differently from the automata, so
 * the prefilter never misses a match.
 */
function longest(runs: readonly string[], folding: boolean): RequiredLiteral | undefined {
  let best = '';
  for (const run of runs) {
    const pieces = folding ? run.split(ORBIT_MISMATCH) : [run];
    for (const piece of pieces) if (piece.length > best.length) best = piece;
  }
  return best.length < 2 ? undefined : { text: foldCase(best), anchoring: 'contains' };
}

function skipGroup(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === '[') {
      const close = skipClass(source, i);
      if (close < 0) return -1;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function skipClass(source: string, open: number): number {
  let i = open + 1;
  if (source.charAt(i) === '^') i++;
  if (source.charAt(i) === ']') i++;
  for (; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === ']') return i;
  }
  return -1;
}
