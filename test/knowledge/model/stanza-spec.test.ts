// props.conf stanza names: kinds, literal names, and the pattern language of props.conf.spec.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStanzaSpec } from '../../../src/knowledge/model/stanza-spec.ts';

const matches = (name: string, value: string) => {
  const parsed = parseStanzaSpec(name);
  assert.ok(parsed.ok, name);
  return parsed.spec.matches(value);
};

describe('parseStanzaSpec', () => {
  test('kinds, literal names and their default precedence inputs', () => {
    const cases: [string, string, boolean][] = [
      ['XmlWinEventLog', 'sourcetype', true],
      ['source::XmlWinEventLog:Security', 'source', true],
      ['host::ws1', 'host', true],
      ['source::...WinEventLog:Security', 'source', false],
      ['default', 'default', true],
    ];
    for (const [name, kind, literal] of cases) {
      const parsed = parseStanzaSpec(name);
      assert.ok(parsed.ok);
      assert.deepEqual([parsed.spec.kind, parsed.spec.literal], [kind, literal], name);
    }
  });

  // props.conf.spec, "[<spec>] stanza patterns": ... any characters, * no path separator, . a period.
  test('pattern language', () => {
    const cases: [string, string, boolean][] = [
      ['source::...WinEventLog:Security', 'XmlWinEventLog:Security', true],
      ['source::...WinEventLog:Security', 'WinEventLog:Security', true],
      ['source::...WinEventLog:Security', 'XmlWinEventLog:Security2', false],
      ['source::/var/log/*.log', '/var/log/a.log', true],
      ['source::/var/log/*.log', '/var/log/x/a.log', false],
      ['source::/var/log/*.log', '/var/log/aXlog', false],
      ['source::/var/.../*.log', '/var/log/x/a.log', true],
      ['source::(a|b)c', 'bc', true],
      ['source::(a|b)c', 'Bc', false],
      ['source::c:\\\\logs\\\\*', 'c:\\logs\\a', true],
      ['source::...(?<!tar.)(gz|bz2)', 'x.tar.gz', false],
      ['source::...(?<!tar.)(gz|bz2)', 'x.gz', true],
      ['sourcetype*', 'sourcetype:x', true],
    ];
    for (const [name, value, expected] of cases) {
      assert.equal(matches(name, value), expected, `${name} ~ ${value}`);
    }
  });

  test('host stanzas match case-insensitively unless (?-i); source and sourcetype exactly', () => {
    assert.equal(matches('host::WS1', 'ws1'), true);
    assert.equal(matches('host::ws*', 'WS7'), true);
    assert.equal(matches('host::(?-i)ws*', 'WS7'), false);
    assert.equal(matches('source::XmlWinEventLog:Security', 'xmlwineventlog:security'), false);
    assert.equal(matches('XmlWinEventLog', 'xmlwineventlog'), false);
  });

  test('classification rules are refused with the reason', () => {
    const parsed = parseStanzaSpec('rule::my_rule');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.reason, /input time/);
  });
});
