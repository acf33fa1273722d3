// WILDCARD and CIDR lookup columns, through the matcher (the matching itself is spl/search and spl/value's).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileLookupDefinition } from '../../../src/spl/lookups/lookup-definition.ts';
import { buildLookupMatcher } from '../../../src/spl/lookups/lookup-matcher.ts';

function matches(type: 'wildcard' | 'cidr', cell: string, value: string): boolean {
  const table = { name: 't.csv', columns: ['c'], rows: [[cell]] };
  const definition = { ...fileLookupDefinition('t.csv'), matchTypes: new Map([['c', type]]) };
  return buildLookupMatcher(table, definition, ['c']).match([value]).length === 1;
}

test('wildcard cells', () => {
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
  for (const [cell, value, expected] of cases)
    assert.equal(matches('wildcard', cell, value), expected, `${cell} ~ ${value}`);
});

test('wildcards stay fast on hostile input', () => {
  const started = performance.now();
  assert.equal(matches('wildcard', `${'*a'.repeat(30)}*b`, 'a'.repeat(100_000)), false);
  assert.ok(performance.now() - started < 1000);
});

test('CIDR cells', () => {
  const cases: [string, string, boolean][] = [
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.1.2.3', '10.1.2.3', true],
    ['0.0.0.0/0', '1.2.3.4', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['10.0.0.0/8', 'fe80::1', false],
    ['10.0.0.0/33', '10.0.0.1', false],
    ['not-a-net', 'not-a-net', false],
  ];
  for (const [cell, value, expected] of cases)
    assert.equal(matches('cidr', cell, value), expected, `${cell} ∋ ${value}`);
});
