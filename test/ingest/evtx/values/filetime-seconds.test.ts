// Tests for the seconds remembered with the last FILETIME text: equal to parsing that text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileTimeText, renderedFileTimeSeconds } from '../../../../src/ingest/evtx/values/time.ts';
import { parseTimestamp } from '../../../../src/ingest/model/timestamp.ts';

/** FILETIME halves of `ticks` (100 ns since 1601-01-01). */
function halves(ticks: bigint): [number, number] {
  return [Number(ticks & 0xffffffffn), Number(ticks >> 32n)];
}

test('renderedFileTimeSeconds equals parseTimestamp of the text, bit for bit', () => {
  const samples: bigint[] = [
    0n, // 1601-01-01
    1n,
    9n,
    10n,
    116_444_736_000_000_000n, // 1970-01-01T00:00:00
    116_444_736_000_000_000n - 1n, // just before the epoch
    132_767_903_115_896_968n, // 2021-09-22T13:18:31.5896968
    133_000_000_000_000_000n + 9_999_999n,
    2_650_467_743_999_999_999n, // 9999-12-31T23:59:59.9999999
  ];
  // Deterministic spread over the four-digit years, every tick digit exercised.
  let x = 0x9e3779b97f4a7c15n;
  for (let i = 0; i < 2000; i++) {
    x = (x * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    samples.push(x % 2_650_467_744_000_000_000n);
  }
  for (const ticks of samples) {
    const [low, high] = halves(ticks);
    const text = fileTimeText(low, high);
    const seconds = renderedFileTimeSeconds(text);
    assert.notEqual(seconds, undefined, text);
    assert.ok(Object.is(seconds, parseTimestamp(text)), `${text}: ${seconds}`);
  }
});

test('renderedFileTimeSeconds knows only the last text rendered', () => {
  const first = fileTimeText(...halves(132_767_903_115_896_968n));
  const second = fileTimeText(...halves(132_767_903_125_896_968n));
  assert.equal(renderedFileTimeSeconds(first), undefined);
  assert.equal(renderedFileTimeSeconds(second), parseTimestamp(second));
  assert.equal(renderedFileTimeSeconds('2021-09-22T13:18:31Z'), undefined);
});

test('years past 9999 are not remembered (parsed as before)', () => {
  for (const ticks of [
    2_650_467_744_000_000_000n, // 10000-01-01
    0x60000000n << 32n, // rendered through BigInt arithmetic
    0xffffffffffffffffn,
  ]) {
    const text = fileTimeText(...halves(ticks));
    assert.match(text, /^\d{5}-/);
    assert.equal(renderedFileTimeSeconds(text), undefined, text);
  }
});
