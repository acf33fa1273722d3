// The regex guarantee: every known-evil pattern is kept off V8's backtracking engine (or refused)
// in SPL and in Sigma, and what does run finishes in linear time on its attack text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backtrackingCost } from '../../../src/core/regex/backtracking-cost.ts';
import { compileSigmaRegex } from '../../../src/sigma/compile/sigma-regex.ts';
import { compileSplRegex } from '../../../src/spl/regex/spl-regex.ts';
import { EVIL_REGEXES, PLAIN_REGEXES } from './evil-regexes.ts';

test('no evil pattern is proven linear for the backtracking engine', () => {
  for (const { pattern, kind } of EVIL_REGEXES) {
    const js = new RegExp(pattern.replace(/^\(\?i\)/, ''));
    const { cost } = backtrackingCost(js.source, js.flags);
    if (kind === 'scan') assert.notEqual(cost.kind, 'linear', pattern);
    else assert.equal(cost.kind, 'unproven', pattern);
  }
});

test('SPL: every evil pattern runs on the linear engine (or within the hybrid bound) or is refused', () => {
  for (const { pattern, attack } of EVIL_REGEXES) {
    const compiled = compileSplRegex(pattern);
    if (!compiled.ok) {
      assert.match(compiled.reason, /catastrophically|quadratic|unbounded|not model/, pattern);
      continue;
    }
    assert.notEqual(compiled.regex.engine, 'backtracking', pattern);
    const text = attack(40_000);
    const started = performance.now();
    compiled.regex.test(text);
    compiled.regex.exec(text, 0);
    assert.ok(performance.now() - started < 5_000, `${pattern} took too long`);
  }
});

test('Sigma: every evil pattern runs on RE2 or is refused (never V8 unproven)', () => {
  for (const { pattern, attack } of EVIL_REGEXES) {
    const compiled = compileSigmaRegex(pattern, new Set());
    if (typeof compiled === 'string') {
      assert.match(compiled, /not proven linear/, pattern);
      continue;
    }
    assert.equal(compiled.engine, 're2', pattern);
    const started = performance.now();
    compiled.test(attack(40_000));
    assert.ok(performance.now() - started < 5_000, `${pattern} took too long`);
  }
});

test('everyday detection patterns stay on V8 and are proven linear', () => {
  for (const pattern of PLAIN_REGEXES) {
    const compiled = compileSplRegex(pattern);
    assert.ok(compiled.ok, pattern);
    assert.equal(compiled.regex.engine, 'backtracking', pattern);
  }
});

test('a look-around proven cheap runs on V8 in Sigma; an unproven one is refused with the reason', () => {
  const cheap = compileSigmaRegex('\\.exe(?!\\.)', new Set());
  assert.ok(typeof cheap !== 'string');
  assert.equal(cheap.engine, 'regexp');
  assert.equal(cheap.test('a.exe'), true);
  assert.equal(cheap.test('a.exe.txt'), false);
  const refused = compileSigmaRegex('(?=a)^(a|aa)*$', new Set());
  assert.equal(typeof refused, 'string');
  assert.match(refused as string, /catastrophically/);
});

test('an unbounded look-ahead visited only at the anchored start is linear; elsewhere it is not', () => {
  assert.equal(backtrackingCost('^(?=.*x)a.*$', '').cost.kind, 'linear');
  assert.equal(backtrackingCost('a(?=.*x)', '').cost.kind, 'unproven');
});

test('a pattern with a tail that cannot fail is linear (the first success ends the search)', () => {
  assert.equal(backtrackingCost('.*', '').cost.kind, 'linear');
  assert.equal(backtrackingCost('^(\\w+\\s+)?.*', '').cost.kind, 'linear');
  // A back-reference must match in full: it cannot end a match early.
  assert.notEqual(backtrackingCost('(["\'])(?:(?!\\1).)*\\1', '').cost.kind, 'linear');
});

test('hostile regex sizes are analysed within bounds', () => {
  for (const pattern of [
    '(?:(?:a)?)'.repeat(20_000),
    Array.from({ length: 20_000 }, (_, i) => `w${i}`).join('|'),
    `${'('.repeat(3000)}a${')'.repeat(3000)}`,
  ]) {
    const started = performance.now();
    const { cost } = backtrackingCost(pattern, '');
    assert.ok(performance.now() - started < 5_000, pattern.slice(0, 20));
    assert.ok(cost.kind === 'linear' || cost.kind === 'unproven', pattern.slice(0, 20));
  }
});
