// The ledger's risk events kept out of memory: past the in-memory buffer they go to a temporary
// file, and each entity reads back exactly what it raised, in time order (equal times in the
// order raised), merged from the buffers it was spilled in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContributionStore } from '../../../src/engine/risk/contribution-store.ts';
import type { RiskContribution } from '../../../src/engine/risk/risk-ledger.ts';
import { TextTable } from '../../../src/engine/risk/text-table.ts';

function contribution(entity: number, i: number): RiskContribution {
  return {
    time: 1_700_000_000 + ((i * 7919) % 100_000) + 0.125,
    score: (i % 9) * 10 + entity,
    searchName: `Sigma - Rule ${i % 13}`,
    message: `Rule ${i % 13} on host-${entity}`,
    finding: i,
  };
}

function readBack(store: ContributionStore, texts: TextTable, entity: number): RiskContribution[] {
  const read: RiskContribution[] = [];
  store.eachInTimeOrder(entity, (time, score, search, message, finding) => {
    read.push({
      time,
      score,
      searchName: texts.text(search),
      message: texts.text(message),
      finding,
    });
  });
  return read;
}

/** A stable sort by time: what a reader of the store must get. */
function inTimeOrder(raised: readonly RiskContribution[] | undefined): RiskContribution[] {
  return [...(raised ?? [])].sort((a, b) => a.time - b.time);
}

test('each entity reads back its risk events in time order, across the file and memory', () => {
  const texts = new TextTable();
  const store = new ContributionStore(texts);
  const raised: RiskContribution[][] = [[], [], []];
  // Past two in-memory buffers (65,536 each): two written to the file, the rest read from memory.
  for (let i = 0; i < 150_000; i++) {
    const entity = i % 5 === 0 ? 2 : i % 2;
    const c = contribution(entity, i);
    store.add(entity, c);
    raised[entity]?.push(c);
  }
  for (const entity of [0, 1, 2]) {
    assert.deepEqual(readBack(store, texts, entity), inTimeOrder(raised[entity]));
  }
  // Read again after more were added: the earlier ones stay, in order.
  for (let i = 150_000; i < 150_010; i++) {
    const c = contribution(1, i);
    store.add(1, c);
    raised[1]?.push(c);
  }
  assert.deepEqual(readBack(store, texts, 1), inTimeOrder(raised[1]));
  assert.deepEqual(readBack(store, texts, 7), []);
});

test('a small ledger reads its risk events from memory, again and again', () => {
  const texts = new TextTable();
  const store = new ContributionStore(texts);
  const first = contribution(0, 1);
  store.add(0, first);
  assert.deepEqual(readBack(store, texts, 0), [first]);
  const second = contribution(0, 2);
  store.add(0, second);
  assert.deepEqual(readBack(store, texts, 0), inTimeOrder([first, second]));
});
