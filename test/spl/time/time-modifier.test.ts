// Splunk's time syntax (Search Reference, "Time modifiers"), resolved at a fixed now in UTC.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTimeModifier, resolveTime, resolveTimeRange } from '../../../src/spl/time/index.ts';

/** 2023-11-14T22:13:20Z, a Tuesday. */
const NOW = 1_700_000_000;

const at = (text: string, options = {}) => {
  const resolved = resolveTime(text, NOW, options);
  assert.ok(resolved.ok, `${text}: ${resolved.ok ? '' : resolved.message}`);
  return resolved.time;
};

describe('relative times', () => {
  const cases: [string, number][] = [
    ['now', NOW],
    ['now()', NOW],
    ['-h', NOW - 3600],
    ['-60m', NOW - 3600],
    ['-40s', NOW - 40],
    ['-24h@h', 1_699_912_800], // 2023-11-13T22:00
    ['@d', 1_699_920_000], // today 00:00
    ['-7d@w1', 1_699_228_800], // Tue Nov 7 → Monday Nov 6 00:00
    ['+1mon@mon', 1_701_388_800], // Dec 14 → Dec 1
    ['@d-2h', 1_699_912_800], // snap first, then the offset: 22:00 yesterday
    ['@w', 1_699_747_200], // Sunday
    ['@w0', 1_699_747_200],
    ['@w7', 1_699_747_200], // w7 is Sunday too
    ['@q', 1_696_118_400],
    ['@qtr', 1_696_118_400],
    ['@y', 1_672_531_200],
    ['-1d@d+8h', 1_699_920_000 - 86_400 + 8 * 3600],
    ['-2DAYS', NOW - 2 * 86_400],
  ];
  for (const [text, expected] of cases) test(text, () => assert.equal(at(text), expected));
});

describe('absolute times', () => {
  test('epoch seconds, whole or fractional; earliest=1 is one second after the epoch', () => {
    assert.equal(at('1'), 1);
    assert.equal(at('1700000000.25'), 1_700_000_000.25);
  });

  test('%m/%d/%Y:%H:%M:%S by default, one-digit months included', () => {
    assert.equal(at('11/15/2022:20:00:00'), 1_668_542_400);
    assert.equal(at('9/23/2022:17:00:00'), 1_663_952_400);
  });

  test('another timeformat', () => {
    assert.equal(at('2024-01-02', { timeformat: '%Y-%m-%d' }), 1_704_153_600);
  });
});

describe('refused with the reason', () => {
  const cases: [string, RegExp][] = [
    ['rt', /real-time/],
    ['rt-5m', /real-time/],
    ['-rt-5m', /real-time/],
    ['-5', /no time unit/],
    ['-1.5h', /whole number/],
    ['-10ms', /metrics/],
    ['@d1', /not a snap unit/],
    ['-3x', /"x" is not a time unit/],
    ['@', /needs a time unit/],
    ['yesterday', /not a time: expected now, epoch seconds, a relative time/],
    ['11/15/2022', /%m\/%d\/%Y:%H:%M:%S/],
    ['11/15/2022:20:00:00 junk', /not a time/],
    ['-9999999999d', /too large/],
    ['', /required/],
  ];
  for (const [text, reason] of cases) {
    test(JSON.stringify(text), () => {
      const parsed = parseTimeModifier(text);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.message, reason);
    });
  }

  test('a time past the dates a clock shows', () => {
    const resolved = resolveTime('+999999999y', NOW);
    assert.equal(resolved.ok, false);
  });
});

describe('time ranges from outside the search', () => {
  test('both sides resolve at now; missing sides and earliest 0 are unbounded', () => {
    assert.deepEqual(resolveTimeRange({ earliest: '-24h@h', latest: 'now' }, NOW), {
      ok: true,
      bounds: { earliest: 1_699_912_800, latest: NOW },
    });
    assert.deepEqual(resolveTimeRange({ earliest: 0 }, NOW), { ok: true, bounds: {} });
    assert.deepEqual(resolveTimeRange({ earliest: '0', latest: '' }, NOW), {
      ok: true,
      bounds: {},
    });
    assert.deepEqual(resolveTimeRange({ latest: 1_600_000_000 }, NOW), {
      ok: true,
      bounds: { latest: 1_600_000_000 },
    });
  });

  test('every bad side is reported', () => {
    const result = resolveTimeRange({ earliest: 'soon', latest: 'rt' }, NOW);
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(
        result.problems.map((p) => p.side),
        ['earliest', 'latest'],
      );
  });
});
