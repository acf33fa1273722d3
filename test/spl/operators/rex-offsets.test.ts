// rex offset_field positions: characters, not UTF-16 units, found without rescanning the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  characterIndexOf,
  offsetFieldValue,
  offsetPair,
} from '../../../src/spl/operators/rex-offsets.ts';

test('positions after characters outside the BMP count each as one character', () => {
  const text = 'a😀b😀😀c';
  const index = characterIndexOf(text);
  const at = (s: string) => index(text.indexOf(s));
  assert.deepEqual([at('a'), at('b'), at('c'), index(text.length)], [0, 2, 5, 6]);
  assert.equal(characterIndexOf('plain')(3), 3);
});

test('pairs sort by group name, matches keep their order within a name', () => {
  const index = characterIndexOf('x'.repeat(20));
  const pairs = [
    offsetPair('w', [10, 12], index),
    offsetPair('d', [3, 4], index),
    offsetPair('w', [2, 5], index),
  ];
  assert.equal(offsetFieldValue(pairs), 'd=3-3&w=10-11&w=2-4');
});
