// Syntax errors: stable code and the exact text under the caret.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../../../src/core/diagnostic.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';
import { firstError } from './parse-helpers.ts';

test('each syntax error names its code and span', () => {
  const cases: [string, string, string][] = [
    ['index=x | foo bar', 'SPL101', 'foo'],
    ['index=x | | stats count', 'SPL003', '|'],
    ['a "b', 'SPL001', '"'],
    ['a [search b', 'SPL002', '['],
    ['| rex field=x', 'SPL011', ''],
    ['| rex colour=x "a"', 'SPL103', 'colour'],
    ['| head limit=ten', 'SPL104', 'ten'],
    ['| bin span=10parsecs _time', 'SPL104', '10parsecs'],
    ['| eval x=(1', 'SPL011', ''],
    ['| eval x=1 2', 'SPL010', '2'],
    ['| convert frob(x)', 'SPL105', 'frob'],
    ['| stats count by', 'SPL110', 'by'],
    ['| rename a b', 'SPL010', 'b'],
  ];
  for (const [text, code, under] of cases) {
    assert.deepEqual(firstError(text), [code, under], text);
  }
});

test('errors in several commands are all reported', () => {
  const parsed = parseSpl('| foo | eval x=( | bar');
  assert.deepEqual(
    parsed.diagnostics.map((d) => d.code),
    ['SPL101', 'SPL011', 'SPL101'],
  );
});

test('the caret is drawn under the span', () => {
  const parsed = parseSpl('index=x | foo bar');
  const first = parsed.diagnostics[0];
  assert.ok(first);
  assert.equal(
    formatDiagnostic(first),
    [
      'error[SPL101]: unknown command "foo"',
      ' --> search:1:11',
      '  |',
      '1 | index=x | foo bar',
      '  |           ^^^',
      '  = note: did you mean "from"?',
    ].join('\n'),
  );
});

test('hostile input: long, deep and unbalanced searches end with diagnostics, not crashes', () => {
  const inputs = [
    '['.repeat(10_000),
    `${'[search '.repeat(100)}x${']'.repeat(100)}`,
    '('.repeat(100_000),
    `| eval x=${'f('.repeat(3000)}1${')'.repeat(3000)}`,
    '"'.repeat(10_001),
    `${'a OR '.repeat(50_000)}b`,
  ];
  for (const input of inputs) {
    const started = performance.now();
    const parsed = parseSpl(input);
    assert.ok(performance.now() - started < 5000, `too slow: ${input.slice(0, 20)}`);
    assert.ok(Array.isArray(parsed.diagnostics));
  }
});

test('a misspelt command or function gets a "did you mean" note', () => {
  const parsed = parseSpl('index=x | stast count | eval x=lowr(y)');
  assert.deepEqual(
    parsed.diagnostics.map((d) => [d.code, d.notes?.[0]?.message]),
    [
      ['SPL101', 'did you mean "stats"?'],
      ['SPL301', 'did you mean "lower"?'],
    ],
  );
  const analysed = parseSpl('| eval x=lowr(y)');
  assert.deepEqual(
    analysed.diagnostics.map((d) => [d.code, d.notes?.[0]?.message]),
    [['SPL301', 'did you mean "lower"?']],
  );
});
