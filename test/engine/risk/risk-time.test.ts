// When a finding happened: _time, ESCU's lastTime (epoch or security_content_ctime text), or the end of its input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingTime } from '../../../src/engine/risk/risk-time.ts';

// The tests run with TZ=UTC, the time zone `convert ctime` wrote the text in.
const CASES: readonly (readonly [string, Record<string, string | number>, number | undefined])[] = [
  ['_time wins', { _time: 100, lastTime: 200 }, 100],
  ['lastTime as epoch text', { lastTime: '1741943523' }, 1_741_943_523],
  ['lastTime as ctime text', { lastTime: '2025-03-14T09:12:03' }, 1_741_943_523],
  [
    'lastTime as ctime text with a fraction',
    { lastTime: '2025-03-14T09:12:03.5' },
    1_741_943_523.5,
  ],
  ['unreadable lastTime falls back', { lastTime: 'yesterday' }, 42],
  ['nothing falls back to the input', {}, 42],
];

for (const [name, row, expected] of CASES) {
  test(`findingTime: ${name}`, () => {
    assert.equal(findingTime(row, 42), expected);
  });
}
