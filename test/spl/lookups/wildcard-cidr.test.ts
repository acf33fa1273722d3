import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSubnet, subnetContains } from '../../../src/spl/lookups/cidr.ts';
import { compileWildcard } from '../../../src/spl/lookups/wildcard-pattern.ts';

test('wildcard patterns', () => {
  const cases: [string, string, boolean][] = [
    ['*', '', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['*ab*ab*', 'abab', true],
    ['*ab*ab*', 'aba', false],
    ['a*a', 'a', false],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
  ];
  for (const [pattern, text, expected] of cases) {
    assert.equal(compileWildcard(pattern, true)(text), expected, `${pattern} ~ ${text}`);
  }
  assert.equal(compileWildcard('A*C', false)('abc'), true);
});

test('wildcards stay fast on hostile input', () => {
  const started = performance.now();
  const match = compileWildcard(`${'*a'.repeat(30)}*b`, true);
  assert.equal(match('a'.repeat(100_000)), false);
  assert.ok(performance.now() - started < 1000);
});

test('CIDR subnets', () => {
  const cases: [string, string, boolean][] = [
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.1.2.3', '10.1.2.3', true],
    ['0.0.0.0/0', '1.2.3.4', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::ffff:0:0/96', '::ffff:1.2.3.4', true],
    ['10.0.0.0/8', 'fe80::1', false],
  ];
  for (const [net, address, expected] of cases) {
    const subnet = parseSubnet(net);
    assert.ok(subnet, net);
    assert.equal(subnetContains(subnet, address), expected, `${net} ∋ ${address}`);
  }
  for (const bad of ['10.0.0.0/33', 'x', '10.0.0/8', '1.2.3.4/-1']) {
    assert.equal(parseSubnet(bad), undefined, bad);
  }
});
