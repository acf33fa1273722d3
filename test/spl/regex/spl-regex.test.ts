// PCRE → JS translation and the engine choice that keeps regexes linear on hostile text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translatePcre } from '../../../src/spl/regex/pcre-translate.ts';
import { compileSplRegex } from '../../../src/spl/regex/spl-regex.ts';

function matches(pattern: string, text: string): boolean {
  const compiled = compileSplRegex(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.regex.test(text);
}

// pcre2pattern semantics each row pins: [pattern, text, matches].
const cases: Array<[string, string, boolean]> = [
  ['(?i)tunnel', 'A TUNNEL', true],
  ['tunnel', 'A TUNNEL', false],
  ['a(?i)b', 'aB', true],
  ['a(?i)b', 'AB', false],
  ['(?i:a)b', 'Ab', true],
  ['(?i:a)b', 'AB', false],
  ['(?i)a(?-i)b', 'Ab', true],
  ['(?i)a(?-i)b', 'AB', false],
  ['a.c', 'a\nc', false],
  ['(?s)a.c', 'a\nc', true],
  ['a.c', 'a\rc', true],
  ['^b', 'a\nb', false],
  ['(?m)^b', 'a\nb', true],
  ['a$', 'a\n', true],
  ['a\\z', 'a\n', false],
  ['a\\Z', 'a\n', true],
  ['\\Aa', 'ba', false],
  ['(?x) a b # comment\n c', 'abc', true],
  ['[[:alpha:]]+[[:digit:]]', 'ab1', true],
  ['[[:upper:]]', 'abc', false],
  ['\\h+x', 'a \tx', true],
  ['\\Qa.b\\E', 'axb', false],
  ['\\Qa.b\\E', 'a.b', true],
  // Back-references and atomic groups run on V8 only when proven linear (anchored here).
  ['^(?<name>\\d+)-\\k<name>$', '12-12', true],
  ['^(?P<name>\\d+)-(?P=name)$', '12-13', false],
  ["(?'n'x)\\g{n}", 'xx', true],
  ['(a)\\g{-1}', 'aa', true],
  ['^a++b', 'aaab', true],
  ['^a++a', 'aaaa', false],
  ['^(?>a+)a', 'aaaa', false],
  ['\\x{41}\\x42', 'AB', true],
  ['[\\x{41}-\\x{43}]', 'B', true],
  ['(?i)[a-c]', 'B', true],
  ['a(?i)[b-c]', 'aC', true],
  ['\\d{2,}', 'a12', true],
  ['a{,2}', 'a{,2}', true],
  ['x{', 'x{', true],
];

for (const [pattern, text, expected] of cases) {
  test(`regex ${JSON.stringify(pattern)} on ${JSON.stringify(text)}`, () => {
    assert.equal(matches(pattern, text), expected);
  });
}

test('named groups are reported by PCRE number, whatever the spelling', () => {
  const compiled = compileSplRegex("(?<a>x)(?P<b>y)(?'c'z)(w)");
  assert.ok(compiled.ok);
  assert.deepEqual(compiled.regex.groupNames, [undefined, 'a', 'b', 'c', undefined]);
  const m = compiled.regex.exec('xyzw', 0);
  assert.deepEqual(m?.groups, ['xyzw', 'x', 'y', 'z', 'w']);
});

test('atomic-group emulation does not shift PCRE group numbers', () => {
  const compiled = compileSplRegex('(?>a)(b)');
  assert.ok(compiled.ok);
  assert.deepEqual(compiled.regex.exec('ab', 0)?.groups, ['ab', 'b']);
});

test('refused features say why', () => {
  const refusals: Array<[string, RegExp]> = [
    ['(?R)', /recursion/],
    ['(?(1)a|b)', /conditional/],
    ['(?|a)', /branch reset/],
    ['\\p{L}', /\\p/],
    ['(*UTF)a', /verbs/],
    ['(?U)a', /ungreedy/],
    ['a)', /unmatched/],
    ['\\1', /non-existent group/],
    ['[[:^alpha:]]', /negated POSIX/],
  ];
  for (const [pattern, reason] of refusals) {
    const r = translatePcre(pattern);
    assert.equal(r.ok, false, pattern);
    if (!r.ok) assert.match(r.reason, reason, pattern);
  }
});

test('a catastrophic pattern runs on the linear engine and stays fast', () => {
  const compiled = compileSplRegex('^(\\w+\\s?)*$');
  assert.ok(compiled.ok);
  assert.equal(compiled.regex.risk, 'superlinear');
  assert.equal(compiled.regex.engine, 'linear');
  const hostile = `${'a'.repeat(5000)}!`;
  const started = performance.now();
  assert.equal(compiled.regex.test(hostile), false);
  assert.ok(performance.now() - started < 2000, 'linear engine took too long');
  assert.equal(compiled.regex.test('ab cd'), true);
});

test('back-references and atomic groups that could take quadratic time are refused', () => {
  for (const pattern of ['(?<name>\\d+)-\\k<name>', 'a++b', '(?>a+)a', '(\\w+)\\s+\\1']) {
    const compiled = compileSplRegex(pattern);
    assert.equal(compiled.ok, false, pattern);
    if (!compiled.ok)
      assert.match(compiled.reason, /quadratic time.*linear-time engine lacks/, pattern);
  }
});

test('a catastrophic pattern the linear engine cannot run is refused', () => {
  const compiled = compileSplRegex('^(a+)+\\1$');
  assert.equal(compiled.ok, false);
  if (!compiled.ok) assert.match(compiled.reason, /backtrack catastrophically/);
});

test('a scan-quadratic pattern uses V8 on short text and RE2 on long text, same answers', () => {
  const compiled = compileSplRegex('\\d+\\.\\d+x');
  assert.ok(compiled.ok);
  assert.equal(compiled.regex.engine, 'hybrid');
  assert.equal(compiled.regex.test('v 1.5x'), true);
  assert.equal(compiled.regex.test(`${'1'.repeat(50_000)}.5x`), true);
  const started = performance.now();
  assert.equal(compiled.regex.test('1'.repeat(50_000)), false);
  assert.ok(performance.now() - started < 2000);
});

test('a plain pattern stays on V8', () => {
  const compiled = compileSplRegex('(?i)code\\.exe');
  assert.ok(compiled.ok);
  assert.equal(compiled.regex.engine, 'backtracking');
});
