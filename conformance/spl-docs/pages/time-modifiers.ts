// Search Reference, "Time modifiers": the examples, over events around a fixed now
// (2023-11-14T22:13:20Z, a Tuesday): which events each time range keeps.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const NOW = 1_700_000_000;
const HOUR = 3600;
const DAY = 86_400;

/** Events at these offsets from now, each named by its offset. */
const at = (...offsets: number[]): Event[] =>
  offsets.map((o) => ({ _time: NOW + o, offset: String(o) }));

const events = at(-10 * DAY, -6 * DAY, -2 * DAY, -DAY, -HOUR, -60, 0, HOUR);
const kept = (...offsets: number[]) => offsets.map((o) => ({ offset: String(o) }));

const page: DocPage = {
  title: 'Time modifiers',
  path: 'time-format-variables-and-modifiers/time-modifiers',
  examples: [
    {
      name: 'earliest=1 latest=now(): all time up to now, no future events',
      spl: 'earliest=1 latest=now()',
      now: NOW,
      events,
      rows: kept(-10 * DAY, -6 * DAY, -2 * DAY, -DAY, -HOUR, -60),
    },
    {
      name: 'earliest=@w0: since the start of the week (Sunday)',
      spl: 'earliest=@w0',
      now: NOW,
      events,
      rows: kept(-2 * DAY, -DAY, -HOUR, -60),
    },
    {
      name: 'earliest=-5d@w1 latest=@w6: the last full business week',
      spl: 'earliest=-5d@w1 latest=@w6',
      now: NOW,
      events: at(-9 * DAY, -8 * DAY, -6 * DAY),
      rows: kept(-8 * DAY, -6 * DAY),
    },
    {
      name: 'an exact date range in %m/%d/%Y:%H:%M:%S',
      spl: 'earliest="11/13/2023:20:00:00" latest="11/14/2023:20:00:00"',
      now: NOW,
      events,
      rows: kept(-DAY),
    },
    {
      name: 'several windows with OR',
      spl: '(earliest="11/12/2023:17:00:00" latest="11/12/2023:23:00:00") OR (earliest="11/14/2023:21:00:00" latest="11/14/2023:22:00:00")',
      now: NOW,
      events,
      rows: kept(-2 * DAY, -HOUR),
    },
    {
      name: 'the last 24 hours without midnight to 1:00 A.M.',
      spl: '((earliest=-24h latest<@d) OR (earliest>=@d+1h))',
      now: NOW,
      events: at(-23 * HOUR, -22 * HOUR + 60, -21 * HOUR - 600, -HOUR),
      rows: kept(-23 * HOUR, -21 * HOUR - 600, -HOUR),
    },
    {
      name: 'real-time modifiers in a search string are an error',
      spl: 'earliest=rt-5m latest=rt',
      fails: true,
    },
  ],
};

export default page;
