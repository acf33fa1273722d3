// The scheduler's checkpoints: a search's schedule starts when it was loaded (a reload's new search
// too, even when the scheduler's first look at it comes after the clock has passed its first
// window - found by the live-content integration test under load: the new detection never ran the
// window that followed its reload). The scheduler looks every second; it reads each search's
// checkpoint from the store once and then keeps it as it commits it (each look used to query the
// store per search). A checkpoint written by someone else (enabling a search) is read again once
// the scheduler is told to forget it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../../src/server/detect/detect-clock.ts';
import type { DetectRuntime } from '../../../src/server/detect/detect-runtime.ts';
import type { DetectWriter } from '../../../src/server/detect/output/detect-writer.ts';
import type { SavedSearch } from '../../../src/server/detect/saved-searches.ts';
import { CronSchedule } from '../../../src/server/detect/schedule/cron-schedule.ts';
import { Scheduler, scheduleCheckpointKey } from '../../../src/server/detect/schedule/scheduler.ts';
import type { Checkpoint } from '../../../src/server/store/event-store.ts';

const HOUR = 3600;
const T0 = Date.UTC(2026, 5, 1) / 1000;

/** A scheduler over one hourly search, its checkpoints in a map, counting the store's reads. */
function hourlyScheduler(name: string, now: number) {
  const cron = CronSchedule.parse('0 * * * *');
  assert.ok(cron instanceof CronSchedule);
  const search = {
    name,
    kind: 'scheduled',
    schedule: { cron, earliest: '-70m@m', latest: '-10m@m', from: 'contentctl default' },
  } as unknown as SavedSearch;
  const checkpoints = new Map<string, Checkpoint>();
  const counted = { reads: 0 };
  const clock = new ManualClock(now);
  const runtime = {
    clock,
    store: {
      checkpoint: async (k: string) => {
        counted.reads++;
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
  const look = async () => {
    scheduler.tick();
    await scheduler.idle();
  };
  return {
    scheduler,
    clock,
    look,
    counted,
    position: () => checkpoints.get(scheduleCheckpointKey(name))?.position,
  };
}

test('a reloaded search checkpoints at its load time, not at the first look', async () => {
  const s = hourlyScheduler('ESCU - New - Rule', T0 + HOUR + 60);
  // The clock passes the next window before the scheduler first looks.
  s.clock.set(T0 + 2 * HOUR + 60);
  await s.look();
  assert.equal(s.position(), T0 + HOUR + 60);
});

test('a checkpoint is read from the store once, then kept as committed; forget() reads it again', async () => {
  const s = hourlyScheduler('ESCU - Kept - Rule', T0 + 60);
  for (let i = 0; i < 5; i++) await s.look();
  assert.equal(s.position(), T0 + 60, 'first sight checkpointed');
  assert.equal(s.counted.reads, 1, 'five looks, one read');
  s.scheduler.forget('ESCU - Kept - Rule');
  await s.look();
  await s.look();
  assert.equal(s.counted.reads, 2, 'read again once, after forget()');
});
