// Cron schedules (croner under a five-field check) and the windows due after a checkpoint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CronSchedule } from '../../../src/server/detect/schedule/cron-schedule.ts';
import { dueWindows } from '../../../src/server/detect/schedule/due-windows.ts';

const T = Date.UTC(2026, 0, 1) / 1000;

function cron(text: string): CronSchedule {
  const parsed = CronSchedule.parse(text);
  assert.ok(parsed instanceof CronSchedule, JSON.stringify(parsed));
  return parsed;
}

test('five-field schedules parse; others say what is wrong', () => {
  assert.equal(cron('0 * * * *').next(T), T + 3600);
  assert.equal(cron('*/15 * * * *').next(T + 1), T + 900);
  assert.match((CronSchedule.parse('0 * * *') as { problem: string }).problem, /5 fields/);
  assert.match((CronSchedule.parse('0 * * * * *') as { problem: string }).problem, /5 fields/);
  assert.match(
    (CronSchedule.parse('@hourly x y z w') as { problem: string }).problem,
    /minute "@hourly"/,
  );
  assert.match((CronSchedule.parse('99 * * * *') as { problem: string }).problem, /cron schedule/);
});

test('each cron time after the checkpoint up to now is due once, in order', () => {
  const due = dueWindows(cron('0 * * * *'), T, T + 3 * 3600 + 59, 86_400);
  assert.deepEqual(due.run, [T + 3600, T + 7200, T + 10_800]);
  assert.equal(due.skipped, undefined);
  // Nothing is due again once the checkpoint moved past them.
  assert.deepEqual(dueWindows(cron('0 * * * *'), T + 10_800, T + 3 * 3600 + 59, 86_400).run, []);
});

test('windows missed for longer than the catch-up limit are skipped, counted', () => {
  const due = dueWindows(cron('0 * * * *'), T, T + 48 * 3600, 24 * 3600);
  assert.equal(due.run.length, 25);
  assert.equal(due.run[0], T + 24 * 3600);
  assert.deepEqual(due.skipped, { count: 23, first: T + 3600, last: T + 23 * 3600 });
});
