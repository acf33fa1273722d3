// A saved search's `cron_schedule`, as splunkd reads it: five fields (minute, hour, day of month,
// month, day of week) of numbers, `*`, lists, ranges and steps, in the server's local time. The
// next-run arithmetic is croner's (a well-kept, dependency-free cron library).
import { Cron } from 'croner';

const FIELD = /^[0-9*,/-]+$/;
const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];

export class CronSchedule {
  readonly text: string;
  private readonly cron: Cron;

  private constructor(text: string, cron: Cron) {
    this.text = text;
    this.cron = cron;
  }

  /** The schedule, or why `text` is not one. */
  static parse(text: string): CronSchedule | { readonly problem: string } {
    const fields = text.trim().split(/\s+/);
    if (fields.length !== 5) {
      return {
        problem: `cron schedule "${text}" must have 5 fields (minute hour day-of-month month day-of-week), not ${fields.length}`,
      };
    }
    const bad = fields.findIndex((f) => !FIELD.test(f));
    if (bad >= 0) {
      return {
        problem: `cron schedule "${text}": ${FIELD_NAMES[bad]} "${fields[bad]}" may hold only numbers, *, ",", "-" and "/"`,
      };
    }
    try {
      return new CronSchedule(fields.join(' '), new Cron(fields.join(' '), { paused: true }));
    } catch (error) {
      return { problem: `cron schedule "${text}": ${(error as Error).message}` };
    }
  }

  /** The first run strictly after `time` (epoch seconds), or undefined when there is none. */
  next(time: number): number | undefined {
    const next = this.cron.nextRun(new Date(Math.floor(time) * 1000));
    return next === null ? undefined : next.getTime() / 1000;
  }

  /** Seconds between the two runs after `time`: Splunk keeps a scheduled job's results twice that. */
  period(time: number): number {
    const first = this.next(time);
    const second = first === undefined ? undefined : this.next(first);
    return first !== undefined && second !== undefined ? second - first : 3600;
  }
}
