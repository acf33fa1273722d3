// The tokenize stage: pipes split commands only outside quotes and subsearch brackets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPipeline } from '../../../src/spl/lexer/index.ts';

function pieces(text: string): string[] {
  return splitPipeline(text, 0, text.length).slices.map((s) => text.slice(s.start, s.end).trim());
}

test('top-level pipes split, quoted and bracketed ones do not', () => {
  assert.deepEqual(pieces('a | b "x|y" | c [search d | e] | f'), [
    'a',
    'b "x|y"',
    'c [search d | e]',
    'f',
  ]);
  assert.deepEqual(pieces('| tstats count'), ['', 'tstats count']);
  assert.deepEqual(pieces('a \\| b'), ['a \\| b']);
});

test('unbalanced quotes and brackets are SPL001 / SPL002 with spans', () => {
  const quote = splitPipeline('a "b | c', 0, 8);
  assert.deepEqual(
    quote.diagnostics.map((d) => [d.code, d.span]),
    [['SPL001', { start: 2, end: 3 }]],
  );
  const open = splitPipeline('a [search b', 0, 11);
  assert.deepEqual(
    open.diagnostics.map((d) => [d.code, d.span]),
    [['SPL002', { start: 2, end: 3 }]],
  );
  const close = splitPipeline('a ] b', 0, 5);
  assert.deepEqual(
    close.diagnostics.map((d) => [d.code, d.span]),
    [['SPL002', { start: 2, end: 3 }]],
  );
});

test('splitting is linear: 200,000 commands split quickly', () => {
  const text = 'a=1 | '.repeat(200_000);
  const started = performance.now();
  assert.equal(splitPipeline(text, 0, text.length).slices.length, 200_001);
  assert.ok(performance.now() - started < 2000);
});
