// The scheduler looks every second; it reads each search's checkpoint from the store once and then
// keeps it as it commits it (each look used to query the store per search). A checkpoint written
// by someone else (enabling a search) is read again once the scheduler is told to forget it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../../src/server/detect/detect-clock.ts';
import type { DetectRuntime } from '../../../src/server/detect/detect-runtime.ts';
import type { DetectWriter } from '../../../src/server/detect/output/detect-writer.ts';
import type { SavedSearch } from '../../../src/server/detect/saved-searches.ts';
import { CronSchedule } from '../../../src/server/detect/schedule/cron-schedule.ts';
import { Scheduler, scheduleCheckpointKey } from '../../../src/server/detect/schedule/scheduler.ts';
import type { Checkpoint } from '../../../src/server/store/event-store.ts';

const T0 = Date.UTC(2026, 5, 1) / 1000;

test('a checkpoint is read from the store once, then kept as committed; forget() reads it again', async () => {
  const cron = CronSchedule.parse('0 * * * *');
  assert.ok(cron instanceof CronSchedule);
  const search = {
    name: 'ESCU - Kept - Rule',
    kind: 'scheduled',
    schedule: { cron, earliest: '-70m@m', latest: '-10m@m', from: 'contentctl default' },
  } as unknown as SavedSearch;
  const key = scheduleCheckpointKey(search.name);
  const checkpoints = new Map<string, Checkpoint>();
  let reads = 0;
  const clock = new ManualClock(T0 + 60);
  const runtime = {
    clock,
    store: {
      checkpoint: async (k: string) => {
        reads++;
        return checkpoints.get(k);
      },
    },
    writer: {
      commit: async (output: { checkpoints: readonly Checkpoint[] }) => {
        for (const c of output.checkpoints) checkpoints.set(c.key, c);
      },
    } as unknown as DetectWriter,
    searches: () => [search],
    disabled: async () => new Set<string>(),
    log: () => {},
  } as unknown as DetectRuntime;
  const scheduler = new Scheduler(runtime);
  scheduler.loaded([search], clock.now());
  for (let i = 0; i < 5; i++) {
    scheduler.tick();
    await scheduler.idle();
  }
  assert.equal(checkpoints.get(key)?.position, T0 + 60, 'first sight checkpointed');
  assert.equal(reads, 1, 'five looks, one read');
  scheduler.forget(search.name);
  scheduler.tick();
  await scheduler.idle();
  scheduler.tick();
  await scheduler.idle();
  assert.equal(reads, 2, 'read again once, after forget()');
});
