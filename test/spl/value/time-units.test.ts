// Time unit words shared by spans (`span=10min`) and relative time modifiers (`-7days@d`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpanValue } from '../../../src/spl/parser/time-span.ts';
import { parseRelativeTime } from '../../../src/spl/time/relative-time.ts';
import { timeUnitOf } from '../../../src/spl/value/time-units.ts';

test('every spelling names its unit, in any case', () => {
  const cases: [string, string][] = [
    ['s', 's'],
    ['SECS', 's'],
    ['Minute', 'm'],
    ['hrs', 'h'],
    ['days', 'd'],
    ['weeks', 'w'],
    ['MON', 'mon'],
    ['months', 'mon'],
    ['qtr', 'q'],
    ['quarters', 'q'],
    ['yr', 'y'],
    ['ms', 'ms'],
    ['us', 'us'],
  ];
  for (const [word, unit] of cases) assert.equal(timeUnitOf(word), unit, word);
});

test('anything else, Object.prototype names included, is no unit', () => {
  for (const word of ['', 'x', 'mo', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.equal(timeUnitOf(word), undefined, word);
    assert.equal(parseSpanValue(`1${word}`) === undefined, word !== '', word);
    assert.equal(parseRelativeTime(`-1${word}`).ok, false, word);
    assert.equal(parseRelativeTime(`@${word}`).ok, false, word);
  }
});

test('spans take subsecond units; relative time modifiers do not', () => {
  assert.deepEqual(parseSpanValue('10ms'), { value: 10, unit: 'ms' });
  assert.deepEqual(parseSpanValue('2Hours'), { value: 2, unit: 'h' });
  assert.deepEqual(parseRelativeTime('-10ms'), {
    ok: false,
    reason: '"ms": subsecond units apply to metrics searches only',
  });
  assert.deepEqual(parseRelativeTime('-7days@d'), {
    ok: true,
    steps: [
      { kind: 'offset', amount: -7, unit: 'd' },
      { kind: 'snap', unit: 'd' },
    ],
  });
});
