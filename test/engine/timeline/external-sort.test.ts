// The timeline's bounded external sort: the same order as an in-memory stable sort, whether the
// items fit in one run, spill to many, or need several merge passes; multi-byte text survives
// the spill's buffered reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExternalSorter } from '../../../src/engine/timeline/external-sort.ts';

interface Item {
  readonly key: number;
  readonly seq: number;
  readonly text: string;
}

function items(n: number): Item[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: n }, (_, seq) => ({
    key: Math.floor(random() * 50),
    seq,
    text: `¦ é ${'x'.repeat(Math.floor(random() * 300))} 🦆`,
  }));
}

function sortWith(all: readonly Item[], runSize: number, fanIn: number): Item[] {
  const sorter = new ExternalSorter<Item>({
    compare: (a, b) => a.key - b.key,
    encode: (item) => JSON.stringify(item),
    decode: (line) => JSON.parse(line) as Item,
    runSize,
    fanIn,
  });
  try {
    for (const item of all) sorter.add(item);
    return [...sorter.sorted()];
  } finally {
    sorter.close();
  }
}

test('one run, many runs, and several merge passes give the stable in-memory order', () => {
  const all = items(5_000);
  // Array.prototype.sort is stable: equal keys keep the order they were added in.
  const expected = [...all].sort((a, b) => a.key - b.key);
  for (const [runSize, fanIn] of [
    [10_000, 64],
    [100, 64],
    [7, 3],
  ] as const) {
    assert.deepEqual(sortWith(all, runSize, fanIn), expected, `runSize ${runSize}, fanIn ${fanIn}`);
  }
});

test('nothing added sorts to nothing', () => {
  assert.deepEqual(sortWith([], 10, 2), []);
});
