// Value semantics: numeric-looking strings, number printing, sort order, IP parsing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareForSort, compareScalars } from '../../../src/spl/value/compare.ts';
import { cidrContains, parseCidr, parseIp } from '../../../src/spl/value/ip-address.ts';
import { formatNumber, parseNumber } from '../../../src/spl/value/number.ts';

test('numeric-looking strings', () => {
  const rows: Array<[string, number | undefined]> = [
    ['7', 7],
    ['-1.5', -1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['07', 7],
    [' 7', undefined],
    ['0x1F', undefined],
    ['inf', undefined],
    ['', undefined],
    ['1.2.3', undefined],
  ];
  for (const [text, expected] of rows) assert.equal(parseNumber(text), expected, text);
});

test('numbers print as Splunk shows them', () => {
  assert.equal(formatNumber(3), '3');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(2.5), '2.5');
  // Search Reference, avg: 100 × 3.99 averaged shows as 3.9900000000000055.
  assert.equal(formatNumber(3.9900000000000055), '3.9900000000000055');
  assert.equal(formatNumber(1e21), '1e+21');
});

test('sort order: numbers first and numerically, then text by code unit', () => {
  const sorted = ['b', '10', 'B', '9', 'a', '-1'].sort(compareForSort);
  assert.deepEqual(sorted, ['-1', '9', '10', 'B', 'a', 'b']);
  assert.equal(compareScalars('10', '9') > 0, true);
  assert.equal(compareScalars('10', 'a') < 0, true);
});

test('IP addresses and CIDR blocks', () => {
  assert.deepEqual(parseIp('10.1.2.3'), { family: 4, value: 0x0a010203n });
  assert.equal(parseIp('256.1.1.1'), undefined);
  assert.equal(parseIp('::1')?.value, 1n);
  assert.equal(parseIp('::ffff:1.2.3.4')?.value, 0xffff01020304n);
  assert.equal(parseIp('1::2::3'), undefined);
  const block = parseCidr('2001:db8::/32');
  assert.ok(block);
  assert.equal(cidrContains(block, parseIp('2001:db8:ffff::1') as never), true);
  assert.equal(cidrContains(block, parseIp('2001:db9::1') as never), false);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
});
