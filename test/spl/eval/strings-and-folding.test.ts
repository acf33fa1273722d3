// `+` between string literals concatenates; functions that read the event are never folded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSpl } from '../operators/run-spl.ts';
import { evalText } from './eval-text.ts';

test('"1" + "2" concatenates: string literals are strings, not numbers that look like them', () => {
  assert.equal(evalText('"1" + "2"'), '12');
  assert.equal(evalText('substr("string", 1, 3) + substr("string", -3)'), 'string');
  assert.equal(
    evalText('tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")'),
    'True 0xF 12,345.68',
  );
});

test('numeric-looking field values still add; a string literal and a computed number give null', () => {
  assert.equal(evalText('a + b', { a: '1', b: '2' }), 3);
  assert.equal(evalText('a + "x"', { a: 'n' }), 'nx');
  assert.equal(evalText('"1" + 2'), undefined);
});

test('searchmatch with a literal reads each event instead of folding to false', () => {
  const rows = runSpl('* | eval test=if(searchmatch("x=hi y=*"), "yes", "no")', [
    { _raw: 'x=hi y=bye', x: 'hi', y: 'bye' },
    { _raw: 'x=ho', x: 'ho' },
  ]);
  assert.deepEqual(
    rows.map((r) => r['test']),
    ['yes', 'no'],
  );
});
