// Every command that holds rows, groups or keys charges the search's memory budget: past it the
// search stops with SPL530 naming the command, never an out-of-memory abort.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import { MemoryLimitError } from '../../../src/spl/index.ts';
import { compile } from './run-spl.ts';

const MB = 1024 * 1024;

function* uniqueEvents(n: number): Generator<Event[]> {
  for (let start = 0; start < n; start += 1000) {
    const batch: Event[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      batch.push({ _time: 1_700_000_000 + i, user: `user-${i}`, host: `h${i % 50}`, n: String(i) });
    }
    yield batch;
  }
}

/** Runs `spl` over `n` unique events with a budget of `mb`; the error it stopped with, if any. */
function runWithBudget(spl: string, n: number, mb: number): MemoryLimitError | Event[] {
  const plan = compile(spl);
  const rows: Event[] = [];
  const run = plan.start({
    emit: (batch) => {
      for (const row of batch) rows.push(row);
    },
    maxMemoryBytes: mb * MB,
  });
  try {
    for (const batch of uniqueEvents(n)) run.push(batch);
    run.finish();
  } catch (cause) {
    if (cause instanceof MemoryLimitError) return cause;
    throw cause;
  }
  return rows;
}

const HOLDING: readonly (readonly [string, string])[] = [
  ['stats', '* | stats count dc(host) values(n) by user'],
  ['eventstats', '* | eventstats count by user'],
  ['dedup', '* | dedup user'],
  ['sort', '* | sort 0 user'],
  ['transaction', '* | transaction user'],
  ['streamstats', '* | streamstats count by user'],
  ['streamstats', '* | streamstats window=100000 global=f count by host'],
  ['reverse', '* | reverse'],
  ['appendpipe', '* | appendpipe [eval copy=1]'],
];

test('each holding command stops at the budget with SPL530 naming it, with a caret', () => {
  for (const [command, spl] of HOLDING) {
    const started = performance.now();
    const heap = process.memoryUsage().heapUsed;
    const stopped = runWithBudget(spl, 60_000, 2);
    assert.ok(stopped instanceof MemoryLimitError, `${spl} was not stopped`);
    const [diagnostic] = stopped.diagnostics;
    assert.equal(diagnostic?.code, 'SPL530');
    assert.match(diagnostic?.message ?? '', new RegExp(`^${command} holds more than .* 2 MB`));
    const at = diagnostic?.span?.start ?? -1;
    assert.equal(spl.slice(at, at + command.length), command, spl);
    assert.ok(performance.now() - started < 20_000, spl);
    assert.ok(process.memoryUsage().heapUsed - heap < 200 * MB, `${spl}: heap stayed bounded`);
  }
});

test('within the budget the results are unchanged, and the budget is released as rows leave', () => {
  const counted = runWithBudget('* | stats count by host', 50_000, 4);
  assert.ok(Array.isArray(counted));
  assert.equal(counted.length, 50);
  // sort keeps the best 10,000 of any number of rows: what it prunes is released.
  const sorted = runWithBudget('* | sort n', 200_000, 16);
  assert.ok(Array.isArray(sorted));
  assert.equal(sorted.length, 10_000);
  // Two holding commands in a row: the first releases what it held when it emits.
  const chained = runWithBudget('* | eventstats count by host | stats count by host', 20_000, 12);
  assert.ok(Array.isArray(chained));
  assert.equal(chained.length, 50);
});
