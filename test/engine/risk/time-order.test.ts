// An entity's risk events in time order: the merge sort gives exactly what a stable sort of the
// positions by time gives, equal times in the order raised, ordered input or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrder } from '../../../src/engine/risk/time-order.ts';

function stableOrder(times: readonly number[]): number[] {
  return times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
}

test('positions come out in time order, equal times in the order raised', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (const length of [0, 1, 2, 3, 7, 64, 1000, 4097]) {
    // Few distinct times: many ties, so stability is tested.
    const times = Array.from({ length }, () => 1_700_000_000 + Math.floor(random() * 50));
    assert.deepEqual([...timeOrder(length, (p) => times[p] as number)], stableOrder(times));
  }
});

test('ordered and reversed inputs', () => {
  const ordered = Array.from({ length: 500 }, (_, i) => Math.floor(i / 3));
  assert.deepEqual([...timeOrder(500, (p) => ordered[p] as number)], stableOrder(ordered));
  const reversed = [...ordered].reverse();
  assert.deepEqual([...timeOrder(500, (p) => reversed[p] as number)], stableOrder(reversed));
});
