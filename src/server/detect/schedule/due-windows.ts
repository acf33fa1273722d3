// Which scheduled times of a saved search are due: every cron time after the last completed one
// up to now, each exactly once. Times missed for longer than the catch-up limit (a long
// downtime) are not run but recorded as skipped, so a week offline does not run a week of
// windows at start.
import type { CronSchedule } from './cron-schedule.ts';

export interface DueWindows {
  /** Scheduled times to run, oldest first. */
  readonly run: readonly number[];
  /** Scheduled times given up (older than the catch-up limit): how many, first and last. */
  readonly skipped:
    | { readonly count: number; readonly first: number; readonly last: number }
    | undefined;
}

/** At most this many cron times are looked at per call (a `* * * * *` schedule over a year). */
const MAX_STEPS = 100_000;

export function dueWindows(
  cron: CronSchedule,
  lastCompleted: number,
  now: number,
  maxCatchUpSeconds: number,
): DueWindows {
  const run: number[] = [];
  let skipped: { count: number; first: number; last: number } | undefined;
  let time = cron.next(lastCompleted);
  for (let step = 0; time !== undefined && time <= now && step < MAX_STEPS; step++) {
    if (time < now - maxCatchUpSeconds) {
      skipped =
        skipped === undefined
          ? { count: 1, first: time, last: time }
          : { ...skipped, count: skipped.count + 1, last: time };
    } else run.push(time);
    time = cron.next(time);
  }
  return { run, skipped };
}
