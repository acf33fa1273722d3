// The lexer's three modes: the same characters are different tokens in search, eval and arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LexMode, lexSearchValue, lexToken } from '../../../src/spl/lexer/index.ts';

function tokens(mode: LexMode, text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const { token } = lexToken(mode, text, pos, text.length);
    if (token.kind === 'eof') return out;
    out.push(`${token.kind}:${token.value}`);
    pos = token.span.end;
  }
}

test('each mode cuts the same text differently', () => {
  const cases: [LexMode, string, string[]][] = [
    ['search', 'a=b*c', ['word:a', 'operator:=', 'word:b*c']],
    ['search', 'x!=1 y>=2', ['word:x', 'operator:!=', 'word:1', 'word:y', 'operator:>=', 'word:2']],
    ['search', '"a \\"b\\" \\\\c"', ['string:a "b" \\c']],
    ['search', 'foo*bar (x)', ['word:foo*bar', 'lparen:(', 'word:x', 'rparen:)']],
    ['expression', 'a.b . "c"', ['word:a.b', 'operator:.', 'string:c']],
    ['expression', "'my field'==1.5", ['field:my field', 'operator:==', 'number:1.5']],
    ['expression', 'x<=-2', ['word:x', 'operator:<=', 'operator:-', 'number:2']],
    [
      'expression',
      '<<FIELD>>+avg_<<MATCHSTR>>',
      ['word:<<FIELD>>', 'operator:+', 'word:avg_<<MATCHSTR>>'],
    ],
    ['argument', 'max_match=0 "a b"', ['word:max_match', 'operator:=', 'word:0', 'string:a b']],
    ['argument', '"DNS".* as *', ['word:DNS.*', 'word:as', 'word:*']],
    ['argument', 'f!="x"', ['word:f', 'operator:!=', 'string:x']],
    [
      'argument',
      'values(x), y',
      ['word:values', 'lparen:(', 'word:x', 'rparen:)', 'comma:,', 'word:y'],
    ],
  ];
  for (const [mode, text, expected] of cases) {
    assert.deepEqual(tokens(mode, text), expected, `${mode}: ${text}`);
  }
});

test('a backslash outside quotes keeps unknown sequences and resolves \\\\ and \\"', () => {
  // Search Reference, search: "Quotes and escaping characters": \\ is a backslash, \" a quote,
  // other sequences such as \d reach the command unchanged.
  assert.deepEqual(tokens('search', 'C:\\\\Windows\\d'), ['word:C:\\Windows\\d']);
});

test('a value after a comparator keeps "=" and glued parentheses', () => {
  const text = '*a=b* x';
  assert.equal(lexSearchValue(text, 0, text.length).token.value, '*a=b*');
  const call = 'relative_time(now(), "-1d") y';
  assert.equal(lexSearchValue(call, 0, call.length).token.value, 'relative_time(now(), "-1d")');
});

test('an unterminated string is reported with its start', () => {
  const result = lexToken('expression', 'x = "abc', 4, 8);
  assert.deepEqual(result.unterminated, { start: 4, end: 8 });
});

test('tokens carry exact spans and whether space precedes them', () => {
  const text = 'a  (b';
  const first = lexToken('search', text, 1, text.length).token;
  assert.deepEqual(first.span, { start: 3, end: 4 });
  assert.equal(first.spaceBefore, true);
});
