// timechart (Search Reference, timechart): buckets, series columns, OTHER and NULL, filled gaps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { compileErrors, runPipe } from './run-spl.ts';

const EVENTS: Event[] = [
  { _time: 0, host: 'a', bytes: '5' },
  { _time: 30, host: 'b', bytes: '7' },
  { _time: 70, host: 'a', bytes: '1' },
  { _time: 200, host: 'c' },
  { _time: 210 },
];

describe('timechart', () => {
  test('without by: one row per bucket, empty buckets filled with 0 for count and null for avg', () => {
    assert.deepEqual(runPipe('timechart span=1m count avg(bytes) as avg', EVENTS), [
      { _time: 0, count: 2, avg: 6 },
      { _time: 60, count: 1, avg: 1 },
      { _time: 120, count: 0 },
      { _time: 180, count: 2 },
    ]);
  });
  test('by a field: a column per series ranked by total, the rest in OTHER (NULL included)', () => {
    assert.deepEqual(runPipe('timechart span=2m count by host limit=2', EVENTS), [
      { _time: 0, a: 2, b: 1, OTHER: 0 },
      { _time: 120, a: 0, b: 0, OTHER: 2 },
    ]);
    assert.deepEqual(runPipe('timechart span=4m count by host', EVENTS), [
      { _time: 0, a: 2, b: 1, c: 1, NULL: 1 },
    ]);
  });
  test('useother=f usenull=f, and cont=f leaves gaps out', () => {
    assert.deepEqual(
      runPipe('timechart span=1m cont=f usenull=f useother=f limit=1 count by host', EVENTS),
      [
        { _time: 0, a: 1 },
        { _time: 60, a: 1 },
        { _time: 180, a: 0 },
      ],
    );
  });
  test('needs span=', () => {
    const [d] = compileErrors('* | timechart count');
    assert.equal(d?.code, 'SPL502');
  });
});
