// Expression mode: the eval/where language's numbers, strings, fields and operators.
import { lexQuoted } from './quoted.ts';
import { type LexResult, MAX_SCAN, makeToken } from './scan.ts';

const EXPRESSION_OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=', '+', '-', '*', '/', '%', '.'];

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_@$]/.test(c);
}

/** `<<FIELD>>`, `<<MATCHSTR>>`: foreach template placeholders, kept as parts of field names. */
function templateAt(text: string, i: number, end: number): number {
  if (!text.startsWith('<<', i)) return 0;
  const close = text.slice(i + 2, Math.min(end, i + 2 + MAX_SCAN)).indexOf('>>') + i + 2;
  if (close < i + 2 || close + 2 > end || !/^[A-Za-z0-9_]+$/.test(text.slice(i + 2, close)))
    return 0;
  return close + 2 - i;
}

/**
 * Expression mode (eval, where): numbers, `"strings"`, `'quoted fields'`, identifiers and
 * operators. A `.` between identifier characters continues a field name (`userIdentity.userName`);
 * anywhere else it is the concatenation operator.
 */
export function lexExpression(
  text: string,
  start: number,
  end: number,
  spaceBefore: boolean,
): LexResult {
  const c = text[start] ?? '';
  if (c === '"' || c === "'") {
    return lexQuoted(text, start, end, c, c === '"' ? 'string' : 'field', spaceBefore);
  }
  const number = /^(?:0x[0-9A-Fa-f]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(
    text.slice(start, Math.min(end, start + 64)),
  );
  if (number && !isIdentifierChar(text[start + number[0].length])) {
    const e = start + number[0].length;
    return { token: makeToken('number', number[0], number[0], false, spaceBefore, start, e) };
  }
  let i = start;
  for (;;) {
    const template = templateAt(text, i, end);
    if (template > 0) i += template;
    else if (i < end && isIdentifierChar(text[i])) i++;
    else if (
      i > start &&
      i + 1 < end &&
      text[i] === '.' &&
      (isIdentifierChar(text[i + 1]) || templateAt(text, i + 1, end) > 0)
    ) {
      i++;
    } else break;
  }
  if (i > start) {
    const raw = text.slice(start, i);
    return { token: makeToken('word', raw, raw, false, spaceBefore, start, i) };
  }
  const op = EXPRESSION_OPERATORS.find((o) => text.startsWith(o, start)) ?? c;
  return { token: makeToken('operator', op, op, false, spaceBefore, start, start + op.length) };
}
