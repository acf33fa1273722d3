// Group positions (rex offset_field): V8 (`d` flag) and re2js (submatch indices) give the same
// spans, by PCRE group number, with undefined for a group that took no part.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRe2Engine } from '../../../src/spl/regex/re2-engine.ts';
import { compileSplRegex, type SplRegex } from '../../../src/spl/regex/spl-regex.ts';

function compiled(pattern: string): SplRegex {
  const result = compileSplRegex(pattern);
  assert.ok(result.ok, pattern);
  return result.regex;
}

test('V8 and re2js give the same spans, PCRE-numbered, undefined for a group not taken', () => {
  const pattern = '(?<a>x)|(?<b>é😀(y))';
  const text = 'ab é😀y x';
  const v8 = compiled(pattern);
  assert.equal(v8.engine, 'backtracking');
  const re2 = createRe2Engine(pattern, v8.groupCount);
  assert.ok(re2.ok);
  for (const engine of [v8, re2.engine]) {
    assert.deepEqual(engine.exec(text, 0, true)?.spans, [[3, 7], undefined, [3, 7], [6, 7]]);
    assert.deepEqual(engine.exec(text, 7, true)?.spans, [[8, 9], [8, 9], undefined, undefined]);
    assert.equal(engine.exec(text, 0)?.spans, undefined);
  }
});

test('groups the PCRE translation adds (atomic groups) do not shift the spans', () => {
  const regex = compiled('^(?>a+)(?<n>b)');
  assert.deepEqual(regex.exec('aab', 0, true)?.spans, [
    [0, 3],
    [2, 3],
  ]);
});

test('the linear engine and the hybrid on either side of its length limit give spans', () => {
  const linear = compiled('^(?<w>\\w+\\s?)*$');
  assert.equal(linear.engine, 'linear');
  assert.deepEqual(linear.exec('ab cd', 0, true)?.spans, [
    [0, 5],
    [3, 5],
  ]);
  const hybrid = compiled('(?<int>\\d+)\\.(?<frac>\\d+)x');
  assert.equal(hybrid.engine, 'hybrid');
  const long = `${' '.repeat(50_000)}v 12.5x`;
  assert.deepEqual(hybrid.exec('v 12.5x', 0, true)?.spans, [
    [2, 7],
    [2, 4],
    [5, 6],
  ]);
  assert.deepEqual(hybrid.exec(long, 0, true)?.spans, [
    [50_002, 50_007],
    [50_002, 50_004],
    [50_005, 50_006],
  ]);
});
