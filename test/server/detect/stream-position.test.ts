// The Sigma stream's position: rows covered per partition only move forward, output indexes are
// never tracked, only partitions that moved are handed over (again after a failed write), a
// planned catch-up counts as covered for live commits, a partition made again starts over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  STREAM_POSITION_PREFIX,
  StreamPosition,
} from '../../../src/server/detect/stream/stream-position.ts';
import type { PartitionRows } from '../../../src/server/store/event-store.ts';

const rows = (table: string, from: number, to: number, index = 'wineventlog'): PartitionRows => ({
  table,
  index,
  start: 0,
  from,
  to,
});

test('the position moves forward per partition and hands over what moved', () => {
  const p = new StreamPosition();
  p.load([{ key: `${STREAM_POSITION_PREFIX}a`, position: 10, complete: false, detail: '' }]);
  assert.equal(p.of('a'), 10);
  assert.equal(p.hasMoved, false);
  p.cover([rows('a', 10, 12), rows('b', 0, 3), rows('r', 0, 5, 'risk')]);
  p.cover([rows('a', 5, 8)]);
  assert.deepEqual(
    p.take().map((c) => [c.key, c.position]),
    [
      [`${STREAM_POSITION_PREFIX}a`, 12],
      [`${STREAM_POSITION_PREFIX}b`, 3],
    ],
  );
  assert.equal(p.of('r'), 0, 'output indexes are not tracked');
  assert.deepEqual(p.take(), []);
  p.cover([rows('a', 12, 20)]);
  const taken = p.take();
  p.untake(taken);
  assert.deepEqual(
    p.take().map((c) => c.position),
    [20],
    'a failed write hands them over again',
  );
});

test('planned rows count as covered for live commits; a partition made again starts over', () => {
  const p = new StreamPosition();
  p.cover([rows('a', 0, 10)]);
  p.plan([rows('a', 10, 30)]);
  assert.equal(p.covers([rows('a', 20, 30)]), true);
  assert.equal(p.covers([rows('a', 30, 31)]), false);
  assert.equal(p.covers([rows('r', 0, 4, 'risk')]), true);
  assert.equal(p.covers([]), false, 'a commit without rows is matched');
  p.renew([rows('a', 0, 2)]);
  assert.equal(p.of('a'), 0);
  assert.equal(p.covers([rows('a', 0, 2)]), false);
});
