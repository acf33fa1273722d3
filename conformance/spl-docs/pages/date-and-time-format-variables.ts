// Search Reference, "Date and time format variables": the formats and results the page lists,
// for 2025-04-29 23:45:22 in US Pacific time (the page's PDT), and the timestamps it parses.
import type { DocExample, DocPage } from '../doc-example.ts';

const APRIL_29 = 1_745_995_522; // 2025-04-29T23:45:22-07:00

const format = (f: string, result: string, time = APRIL_29): DocExample => ({
  name: `strftime "${f}"`,
  spl: `* | eval r=strftime(_time, "${f}")`,
  tz: 'America/Los_Angeles',
  events: [{ _time: time }],
  rows: [{ r: result }],
});

const parse = (text: string, f: string, result: string): DocExample => ({
  name: `strptime "${text}" with "${f}"`,
  spl: `| makeresults | eval r=strptime("${text}", "${f}")`,
  tz: 'America/Los_Angeles',
  rows: [{ r: result }],
});

const weeks: [string, number, string, string][] = [
  ['2025-02-03', 1_738_569_600, '2025-06', '2025-06'],
  ['2025-02-02', 1_738_483_200, '2025-05', '2025-05'],
  ['2025-02-01', 1_738_396_800, '2025-05', '2025-05'],
  ['2025-01-31', 1_738_310_400, '2025-05', '2025-05'],
  ['2025-01-30', 1_738_224_000, '2025-05', '2025-05'],
];

const page: DocPage = {
  title: 'Date and time format variables',
  path: 'time-format-variables-and-modifiers/date-and-time-format-variables',
  examples: [
    format('%c', 'Thu Jul 18 09:30:00 2019', 1_563_467_400),
    format('%+', 'Thu Jul 18 09:30:00 PDT 2019', 1_563_467_400),
    format('%x', '7/13/2019', 1_563_035_400),
    format('%X', '9:30:00', 1_563_035_400),
    format('%Y-%m-%d', '2025-04-29'),
    format('%y-%m-%d', '25-04-29'),
    format('%b %d, %Y', 'Apr 29, 2025'),
    format('%B %d, %Y', 'April 29, 2025'),
    format('%a %b %d, %Y', 'Tue Apr 29, 2025'),
    format("%d %b '%y = %Y-%m-%d", "29 Apr '25 = 2025-04-29"),
    format('%Y-%m-%dT%H:%M:%S.%Q', '2025-04-29T23:45:22.000'),
    format('%Y-%m-%dT %H:%M:%S.%Z', '2025-04-29T 23:45:22.PDT'),
    format('%Y-%m-%dT %H:%M:%S.%QZ', '2025-04-29T 23:45:22.000Z'),
    format('%Y-%m-%dT%H:%M:%S.%QZ', '2025-04-29T23:45:22.000Z'),
    format('%Y-%m-%dT%H:%M:%S', '2025-04-29T23:45:22'),
    format('%Y-%m-%dT%T', '2025-04-29T23:45:22'),
    format('%m-%d-%Y %I:%M:%S %p', '04-29-2025 11:45:22 PM'),
    format('%b %d, %Y %I:%M:%S %p', 'Apr 29, 2025 11:45:22 PM'),
    format('%m-%d-%Y %H:%M:%S.%Q', '04-29-2025 23:45:22.000'),
    format('%m-%d-%Y %H:%M:%S.%Q %z', '04-29-2025 23:45:22.000 -0700'),
    format('%d/%b/%Y:%H:%M:%S.%f %z', '29/Apr/2025:23:45:22.000000 -0700'),
    format('%z %:z %::z %:::z', '-0700 -07:00 -07:00:00 -07'),
    parse('2022-9-25T09:45:22.000', '%Y-%m-%dT%H:%M:%S.%Q', '1664124322.000000'),
    parse('2022-12-15 09:45:22', '%Y-%m-%d %H:%M:%S', '1671126322.000000'),
    {
      name: 'the year of the week: %Y-%V and %G-%V',
      spl: '* | eval year_week_Y_format=strftime(time_ts, "%Y"), final_week_YV_format=strftime(time_ts, "%Y-%V"), year_week_G_format=strftime(time_ts, "%G"), final_week_G_format=strftime(time_ts, "%G-%V")',
      tz: 'America/Los_Angeles',
      events: weeks.map(([, time_ts]) => ({ time_ts })),
      rows: weeks.map(([, , yv, gv]) => ({
        year_week_Y_format: '2025',
        final_week_YV_format: yv,
        year_week_G_format: '2025',
        final_week_G_format: gv,
      })),
    },
  ],
};

export default page;
