// The SPL lexer: reads one token at an offset in the mode the command parser asks for.
// SPL has no single token grammar: `a=b*c` is one comparison in a search clause, `a.b` is a field
// in eval, and `rex` wants its regex raw, so the parser drives the lexer mode by mode (as the
// TypeScript scanner is re-scanned in context) instead of tokenizing the text once up front.
import { lexArgument } from './lex-argument.ts';
import { lexExpression } from './lex-expression.ts';
import { lexSearch } from './lex-search.ts';
import { type LexResult, makeToken, PUNCTUATION, skipSpace } from './scan.ts';
import type { LexMode } from './token.ts';

export function lexToken(mode: LexMode, text: string, pos: number, end: number): LexResult {
  const start = skipSpace(text, pos, end);
  const spaceBefore = start > pos || pos === 0;
  if (start >= end) return { token: makeToken('eof', '', '', false, spaceBefore, start, start) };
  const c = text[start] ?? '';
  const punctuation = PUNCTUATION[c];
  if (punctuation) {
    return { token: makeToken(punctuation, c, c, false, spaceBefore, start, start + 1) };
  }
  switch (mode) {
    case 'argument':
      return lexArgument(text, start, end, spaceBefore);
    case 'search':
      return lexSearch(text, start, end, spaceBefore);
    case 'expression':
      return lexExpression(text, start, end, spaceBefore);
  }
}
