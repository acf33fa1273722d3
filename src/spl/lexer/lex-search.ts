// Search mode: terms, phrases and `field<op>value` comparisons of the search clause.
import { lexQuoted, readQuoted, unescapeWord } from './quoted.ts';
import { isSpace, type LexResult, MAX_SCAN, makeToken, PUNCTUATION, skipSpace } from './scan.ts';

const COMPARATORS = ['!=', '<=', '>=', '==', '=', '<', '>'] as const;

function comparatorAt(text: string, i: number): string | undefined {
  return COMPARATORS.find((op) => text.startsWith(op, i));
}

/** Characters that end a bare search term. Comparators end a field name but not a value. */
function endsSearchWord(text: string, i: number, end: number): boolean {
  const c = text[i];
  if (i >= end || c === undefined || isSpace(c) || c in PUNCTUATION || c === '"' || c === '|') {
    return true;
  }
  return comparatorAt(text, i) !== undefined;
}

/** Search mode: terms, phrases, `field<op>value`; backslash escapes the next character. */
export function lexSearch(
  text: string,
  start: number,
  end: number,
  spaceBefore: boolean,
): LexResult {
  const c = text[start];
  if (c === '"') return lexQuoted(text, start, end, '"', 'string', spaceBefore);
  const op = comparatorAt(text, start);
  if (op)
    return { token: makeToken('operator', op, op, false, spaceBefore, start, start + op.length) };
  let i = start;
  while (!endsSearchWord(text, i, end)) i += text[i] === '\\' && i + 1 < end ? 2 : 1;
  const raw = text.slice(start, i);
  return { token: makeToken('word', raw, unescapeWord(raw), false, spaceBefore, start, i) };
}

/**
 * A search value after a comparator: everything up to whitespace, a parenthesis, a bracket, a
 * comma, a quote or a pipe, so `CommandLine=*a=b*` keeps its `=`. Parentheses glued to the value
 * belong to it (`process=*GetCurrent()*`, `_time>=relative_time(now(), "-1d")`): the search
 * command compares such text literally.
 */
export function lexSearchValue(text: string, pos: number, end: number): LexResult {
  const start = skipSpace(text, pos, end);
  const spaceBefore = start > pos;
  const c = text[start];
  if (start >= end) return { token: makeToken('eof', '', '', false, spaceBefore, start, start) };
  const punctuation = c === undefined ? undefined : PUNCTUATION[c];
  if (punctuation)
    return {
      token: makeToken(punctuation, c ?? '', c ?? '', false, spaceBefore, start, start + 1),
    };
  if (c === '"') return lexSearch(text, start, end, spaceBefore);
  let i = start;
  while (i < end) {
    const d = text[i];
    if (d === '(' && i > start) {
      const close = closingParenthesis(text, i, end);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (d === undefined || isSpace(d) || d in PUNCTUATION || d === '"' || d === '|') break;
    i += d === '\\' && i + 1 < end ? 2 : 1;
  }
  const raw = text.slice(start, i);
  return { token: makeToken('word', raw, unescapeWord(raw), false, spaceBefore, start, i) };
}

/** The `)` matching the `(` at `open`, skipping quoted strings; -1 if there is none. */
function closingParenthesis(text: string, open: number, end: number): number {
  let depth = 0;
  let i = open;
  const limit = Math.min(end, open + MAX_SCAN);
  while (i < limit) {
    const c = text[i];
    if (c === '"') {
      i = readQuoted(text, i, end, '"').end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === '|' || c === '[' || c === ']') return -1;
    i++;
  }
  return -1;
}
