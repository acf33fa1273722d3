// A search added by a reload starts its schedule when it was loaded, even when the scheduler's
// first look at it comes after the clock has passed its first window (found by the live-content
// integration test under load: the new detection never ran the window that followed its reload).
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

test('a reloaded search checkpoints at its load time, not at the first look', async () => {
  const cron = CronSchedule.parse('0 * * * *');
  assert.ok(cron instanceof CronSchedule);
  const search = {
    name: 'ESCU - New - Rule',
    kind: 'scheduled',
    schedule: { cron, earliest: '-70m@m', latest: '-10m@m', from: 'contentctl default' },
  } as unknown as SavedSearch;
  const checkpoints = new Map<string, Checkpoint>();
  const clock = new ManualClock(T0 + HOUR + 60);
  const runtime = {
    clock,
    store: { checkpoint: async (key: string) => checkpoints.get(key) },
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
  // The clock passes the next window before the scheduler first looks.
  clock.set(T0 + 2 * HOUR + 60);
  scheduler.tick();
  await scheduler.idle();
  assert.equal(checkpoints.get(scheduleCheckpointKey(search.name))?.position, T0 + HOUR + 60);
});
