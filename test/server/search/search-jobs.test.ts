// Search jobs: the concurrency limit, the time limit, the row limit, memory, cancel, the TTL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { SearchOutput } from '../../../src/server/search/search-context.ts';
import { type JobLimits, TooManySearchesError } from '../../../src/server/search/search-job.ts';
import { SearchJobs } from '../../../src/server/search/search-jobs.ts';

const LIMITS: JobLimits = {
  maxConcurrent: 2,
  timeoutSeconds: 0.2,
  maxResultRows: 5,
  maxMemoryBytes: 1e9,
  ttlSeconds: 60,
};

/** A search that emits `rows` rows then waits until aborted or `ms` pass. */
function fakeSearch(rows: number, ms: number) {
  return async (request: { signal?: AbortSignal }, output: SearchOutput) => {
    const batch: Event[] = Array.from({ length: rows }, (_, i) => ({ n: i }));
    output.emit(batch);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      request.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
}

test('at most maxConcurrent jobs run; a third is refused with a clear error', async () => {
  const jobs = new SearchJobs(fakeSearch(1, 50), LIMITS);
  const a = jobs.create({ spl: 'x' }, 'admin');
  jobs.create({ spl: 'y' }, 'admin');
  assert.throws(() => jobs.create({ spl: 'z' }, 'admin'), TooManySearchesError);
  await a.done;
  assert.equal(a.state, 'DONE');
  jobs.close();
});

test('the time limit fails a job; the row limit finalizes it with a warning; cancel fails it', async () => {
  const slow = new SearchJobs(fakeSearch(1, 10_000), LIMITS);
  const timed = slow.create({ spl: 'x' }, 'admin');
  await timed.done;
  assert.equal(timed.state, 'FAILED');
  assert.match(timed.messages.map((m) => m.text).join(), /ran longer than 0.2 s/);
  const cancelled = slow.create({ spl: 'x' }, 'admin');
  cancelled.cancel();
  await cancelled.done;
  assert.equal(cancelled.state, 'FAILED');
  slow.close();
  const many = new SearchJobs(fakeSearch(8, 10_000), LIMITS);
  const truncated = many.create({ spl: 'x' }, 'admin');
  await truncated.done;
  assert.equal(truncated.state, 'DONE');
  assert.equal(truncated.rows.length, 5);
  assert.match(truncated.messages[0]?.text ?? '', /truncated at 5 rows/);
  many.close();
});

test('the memory budget fails a job; owners see only their jobs; finished jobs expire after their TTL', async () => {
  const jobs = new SearchJobs(fakeSearch(4, 0), { ...LIMITS, maxMemoryBytes: 100 });
  const big = jobs.create({ spl: 'x' }, 'alice');
  await big.done;
  assert.equal(big.state, 'FAILED');
  assert.match(big.messages.at(-1)?.text ?? '', /used more than/);
  assert.equal(jobs.get(big.sid, 'bob'), undefined);
  assert.equal(jobs.get(big.sid, 'alice')?.sid, big.sid);
  jobs.sweep(Date.now() / 1000 + 30);
  assert.ok(jobs.get(big.sid, 'alice'));
  jobs.sweep(Date.now() / 1000 + 61);
  assert.equal(jobs.get(big.sid, 'alice'), undefined);
  jobs.close();
});
