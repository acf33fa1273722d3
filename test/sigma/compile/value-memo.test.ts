// The value memo: remembers, starts over when full, pauses when values do not repeat, and never
// holds more than its budget or keys longer than the bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createMemoBudget,
  MEMO_MAX_LENGTH,
  memoizeTest,
  ValueMemo,
} from '../../../src/sigma/compile/value-memo.ts';

/** Looks `text` up and remembers `value` when missing; returns whether it was found. */
function use(memo: ValueMemo<number>, text: string, value = text.length): boolean {
  if (memo.lookup(text) !== undefined) return true;
  memo.remember(text, value);
  return false;
}

test('remembers a value under an equal key, held as its own copy', () => {
  const memo = new ValueMemo<number>(createMemoBudget(10));
  assert.equal(memo.lookup('C:\\Windows\\cmd.exe'), undefined);
  const entry = memo.remember('C:\\Windows\\cmd.exe', 7);
  assert.deepEqual(entry, { text: 'C:\\Windows\\cmd.exe', value: 7 });
  assert.equal(memo.lookup(['C:\\Windows\\', 'cmd.exe'].join(''))?.value, 7);
});

test('values longer than the bound are not remembered', () => {
  const memo = new ValueMemo<number>(createMemoBudget(10));
  const long = 'x'.repeat(MEMO_MAX_LENGTH + 1);
  assert.equal(memo.remember(long, 1), undefined);
  assert.equal(memo.lookup(long), undefined);
  assert.notEqual(memo.remember('x'.repeat(MEMO_MAX_LENGTH), 1), undefined);
});

test('memos share one budget of entries and give it back when they start over', () => {
  const budget = createMemoBudget(3);
  const a = new ValueMemo<number>(budget);
  const b = new ValueMemo<number>(budget);
  assert.notEqual(a.remember('one', 1), undefined);
  assert.notEqual(a.remember('two', 2), undefined);
  assert.notEqual(b.remember('three', 3), undefined);
  assert.equal(budget.remaining, 0);
  assert.equal(b.remember('four', 4), undefined, 'over budget: computed, not remembered');
  assert.equal(b.lookup('three')?.value, 3);
  // A full memo (256 entries) starts over and returns its entries to the budget. Each value is
  // used twice, so the memo finds half of its lookups and does not pause.
  const big = createMemoBudget(1000);
  const c = new ValueMemo<number>(big);
  for (let i = 0; i < 256; i++) {
    assert.equal(use(c, `value ${i}`), false);
    assert.equal(use(c, `value ${i}`), true);
  }
  assert.equal(big.remaining, 1000 - 256);
  use(c, 'value 256');
  assert.equal(big.remaining, 1000 - 1);
  assert.equal(c.lookup('value 0'), undefined);
});

test('a memo that finds too few repeats pauses, then starts again', () => {
  const memo = new ValueMemo<number>(createMemoBudget(10_000));
  let found = 0;
  for (let i = 0; i < 256; i++) if (use(memo, `unique ${i}`)) found++;
  assert.equal(found, 0);
  // Paused: nothing is found or remembered for 8,192 lookups.
  assert.equal(memo.lookup('unique 1'), undefined);
  memo.remember('again', 1);
  for (let i = 0; i < 8190; i++) memo.lookup('again');
  assert.equal(memo.lookup('again'), undefined);
  assert.equal(use(memo, 'again'), false);
  assert.equal(use(memo, 'again'), true);
});

test('a memo whose values repeat keeps its entries', () => {
  const memo = new ValueMemo<number>(createMemoBudget(10_000));
  let found = 0;
  for (let i = 0; i < 2000; i++) if (use(memo, `value ${i % 10}`)) found++;
  assert.equal(found, 1990);
});

test('memoizeTest calls the test once per repeated value, always for long values', () => {
  const calls: string[] = [];
  const test = memoizeTest((text) => {
    calls.push(text);
    return text.includes('a');
  });
  const long = 'a'.repeat(MEMO_MAX_LENGTH + 1);
  const results = ['abc', 'xyz', 'abc', 'xyz', long, long].map(test);
  assert.deepEqual(results, [true, false, true, false, true, true]);
  assert.deepEqual(calls, ['abc', 'xyz', long, long]);
});
