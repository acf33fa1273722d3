// Argument mode: `name=value`, field lists and table names.
import { readQuoted } from './quoted.ts';
import { isSpace, type LexResult, makeToken, PUNCTUATION } from './scan.ts';
import type { TokenKind } from './token.ts';

/** Characters that end a bare word in argument mode. */
function endsArgumentWord(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined || isSpace(c) || c in PUNCTUATION || c === '=' || c === '"' || c === '|') {
    return true;
  }
  return c === '!' && text[i + 1] === '=';
}

/**
 * Argument mode: `name=value`, field lists, table names. A word joins adjacent quoted and bare
 * pieces, as Splunk's argument splitter does: `"DNS".*` is the one word `DNS.*`.
 */
export function lexArgument(
  text: string,
  start: number,
  end: number,
  spaceBefore: boolean,
): LexResult {
  const c = text[start];
  if (c === '=')
    return { token: makeToken('operator', '=', '=', false, spaceBefore, start, start + 1) };
  if (c === '!' && text[start + 1] === '=') {
    return { token: makeToken('operator', '!=', '!=', false, spaceBefore, start, start + 2) };
  }
  let i = start;
  let value = '';
  let quoted = false;
  let pieces = 0;
  while (i < end) {
    if (text[i] === '"') {
      const q = readQuoted(text, i, end, '"');
      value += q.value;
      quoted = true;
      pieces++;
      if (!q.terminated) {
        const token = makeToken(
          'word',
          text.slice(start, end),
          value,
          true,
          spaceBefore,
          start,
          end,
        );
        return { token, unterminated: { start: i, end } };
      }
      i = q.end;
      continue;
    }
    if (endsArgumentWord(text, i) || i >= end) break;
    const pieceStart = i;
    while (i < end && !endsArgumentWord(text, i)) i += text[i] === '\\' && i + 1 < end ? 2 : 1;
    value += text.slice(pieceStart, i);
    pieces++;
  }
  const kind: TokenKind = quoted && pieces === 1 ? 'string' : 'word';
  return { token: makeToken(kind, text.slice(start, i), value, quoted, spaceBefore, start, i) };
}
