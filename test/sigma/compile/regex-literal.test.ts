// The literal a regex's matches must contain (the automaton prefilter), and that the prefilter
// never hides a match RE2 would find, including case-insensitive matches across case orbits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requiredLiteral } from '../../../src/sigma/compile/regex-literal.ts';
import { matcherFor, processRule, sysmonProcess } from '../sigma-test-kit.ts';

describe('required literal', () => {
  const cases: readonly [pattern: string, caseInsensitive: boolean, literal: string | undefined][] =
    [
      ['cmd\\.exe /c', false, 'cmd.exe /c'],
      ['a|b', false, undefined],
      ['(?i)Mimikatz', false, 'mimikatz'],
      ['ab?cdef+g', false, 'cdef'],
      ['\\d+abc\\s', false, 'abc'],
      // Case-insensitive: cut at characters RE2 folds by orbit (s ~ ſ, non-ASCII).
      ['(?i)sekurlsa::logon', false, 'a::logon'],
      ['sekurlsa::logon', true, 'a::logon'],
      ['sekurlsa::logon', false, 'sekurlsa::logon'],
      ['(?i)\\\\windows\\\\system32', false, '\\window'],
      ['(?mi)µΣςab', false, 'ab'],
      ['(?i:x)tunnel', false, 'tunnel'],
      ['(?i)ab\u{10400}cd', false, 'ab'],
    ];
  for (const [pattern, caseInsensitive, literal] of cases) {
    test(`${pattern}${caseInsensitive ? ' (i)' : ''}`, () =>
      assert.equal(requiredLiteral(pattern, caseInsensitive)?.text, literal));
  }
});

describe('case-insensitive regexes match across case orbits despite the prefilter', () => {
  const rule = (re: string) =>
    processRule(`    sel:
        CommandLine|re: '${re}'
    condition: sel`);
  const cases: readonly [re: string, value: string][] = [
    ['(?i)sekurlsa', 'run ſekurlſa now'],
    ['(?i)μς', 'µσ'],
    ['(?i)ab\u{10400}', 'xab\u{10428}'],
  ];
  for (const [re, value] of cases) {
    test(`${re} finds ${value}`, () =>
      assert.equal(matcherFor(rule(re)).matches(sysmonProcess({ CommandLine: value })), true));
  }
});

test('characters outside the BMP compare exactly in plain values (folding is per UTF-16 unit)', () => {
  const { matches } = matcherFor(
    processRule(`    sel:
        CommandLine|contains: '\u{10400}'
    condition: sel`),
  );
  assert.equal(matches(sysmonProcess({ CommandLine: 'x\u{10400}y' })), true);
  assert.equal(matches(sysmonProcess({ CommandLine: 'x\u{10428}y' })), false);
});
