// Wildcard matchers: every shape against a reference regex, and linear time on hostile input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileWildcard,
  LIKE_WILDCARD,
  SEARCH_WILDCARD,
} from '../../../src/spl/search/wildcard-pattern.ts';

function reference(pattern: string, many: string, one?: string): RegExp {
  let source = '^';
  for (const ch of pattern) {
    if (ch === many) source += '[\\s\\S]*';
    else if (ch === one) source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`);
}

const patterns = ['abc', '*', '**', 'a*', '*c', 'a*c', '*b*', 'a*b*c', '*a*b*', 'a**b', ''];
const texts = ['', 'a', 'abc', 'abbc', 'acb', 'xaybzc', 'ab', 'aXbXc', 'ba'];

test('search wildcard agrees with a reference regex on every shape', () => {
  for (const p of patterns) {
    const m = compileWildcard(p, SEARCH_WILDCARD);
    const r = reference(p, '*');
    for (const t of texts) assert.equal(m(t), r.test(t), `${p} vs ${t}`);
  }
});

test('LIKE wildcard agrees with a reference regex', () => {
  for (const p of ['a_c', '%_', '_%_', 'a%_c', '%b_', '__']) {
    const m = compileWildcard(p, LIKE_WILDCARD);
    const r = reference(p, '%', '_');
    for (const t of texts) assert.equal(m(t), r.test(t), `${p} vs ${t}`);
  }
});

test('a many-star pattern on a long hostile text finishes fast', () => {
  const m = compileWildcard('%a%a%a%a%a%b', LIKE_WILDCARD);
  const started = performance.now();
  assert.equal(m('a'.repeat(20_000)), false);
  assert.ok(performance.now() - started < 2000);
});
