// Data-model texts (event type searches, constraints, calculated fields) are one command: any text,
// a pipe included, gives a value or a located diagnostic, and never an endless parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  builtinText,
  parseEvalText,
  parseSearchText,
} from '../../../src/knowledge/datamodels/compile/parse-text.ts';

test('a pipe in a search text is SPL010 under the pipe', () => {
  for (const text of ['sourcetype=x | stats count', 'a IN (*|,', 'a IN ("b" |)', '|']) {
    const parsed = parseSearchText(builtinText('t', text), 'DM');
    assert.ok(!parsed.ok, text);
    const [d] = parsed.diagnostics;
    assert.equal(d?.code, 'SPL010', text);
    assert.equal(d?.span && text.slice(d.span.start, d.span.end), '|', text);
  }
});

const PIECES = [
  '|',
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  '=',
  '!=',
  '<',
  ',',
  ' ',
  'a',
  'OR',
  'NOT',
  'IN',
  '*',
  '`',
  '$',
  "'",
  'eval',
  '1',
  '-',
  '.',
  '{',
  '\t',
];

test('seeded random texts: every search and eval text parses or fails with a diagnostic', () => {
  let seed = 0x5eed;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  for (let n = 0; n < 3000; n++) {
    let text = '';
    for (let i = 1 + Math.floor(next() * 14); i > 0; i--) {
      text += PIECES[Math.floor(next() * PIECES.length)];
    }
    for (const parse of [parseSearchText, parseEvalText]) {
      const parsed = parse(builtinText('t', text), 'DM');
      if (!parsed.ok) assert.ok(parsed.diagnostics.length > 0, text);
    }
  }
});
