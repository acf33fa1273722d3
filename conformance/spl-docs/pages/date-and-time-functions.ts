// Search Reference, "Date and Time functions": the examples that state their result. Results
// that depend on the search's now use a fixed now; the page's gentimes examples are left out
// (their rows run up to the day the page was written).
import type { DocPage } from '../doc-example.ts';

const NOW = 1_700_000_000; // 2023-11-14T22:13:20Z

const page: DocPage = {
  title: 'Date and Time functions',
  path: 'evaluation-functions/date-and-time-functions',
  examples: [
    {
      name: 'relative_time: the start of yesterday',
      spl: '| makeresults | eval n=relative_time(now(), "-1d@d")',
      now: NOW,
      rows: [{ n: '1699833600' }],
    },
    {
      name: 'relative_time: between two and one hours ago, snapped to the hour',
      spl: '* | where _time>relative_time(now(), "-2h@h") AND _time<relative_time(now(), "-1h@h")',
      now: NOW,
      events: [{ _time: 1_699_993_800 }, { _time: 1_699_997_400 }, { _time: 1_699_991_940 }],
      rows: [{ _time: '1699993800' }],
    },
    {
      name: 'strftime: nanoseconds divided down to seconds',
      spl: '| makeresults | eval StartTimestamp="1521467703049000000"| eval starttime=strftime(StartTimestamp/pow(10,9),"%Y-%m-%dT%H:%M:%S.%Q")',
      tz: 'America/Los_Angeles',
      rows: [{ StartTimestamp: '1521467703049000000', starttime: '2018-03-19T06:55:03.049' }],
    },
    {
      name: 'strftime: hour and minute of _time',
      spl: '* | eval hour_min=strftime(_time, "%H:%M")',
      events: [{ _time: 1_660_132_103 }],
      rows: [{ hour_min: '11:48' }],
    },
    {
      name: 'strftime: ISO 8601 of now() with milliseconds',
      spl: '| makeresults | eval starttime=strftime(now(),"%Y-%m-%dT%H:%M:%S.%Q")',
      now: 1_644_544_500,
      rows: [{ starttime: '2022-02-11T01:55:00.000' }],
    },
    {
      name: 'strftime: %V, the week of the year',
      spl: '| makeresults | eval week=strftime(_time,"%V")',
      now: 1_660_485_615,
      rows: [{ week: '32' }],
      erratum:
        "this page shows week 33 for its makeresults time, taken here as the next example's " +
        '2022-08-14 14:00:15 (a Sunday); %V is the ISO 8601 week (C strftime(3)), which is 32 ' +
        'there, and the "Date and time format variables" page\'s %G-%V table (Monday ' +
        '2025-02-03 is 2025-06, Sunday 2025-02-02 is 2025-05) is ISO 8601 too. Both pages: ' +
        'evaluation-functions/date-and-time-functions and ' +
        'time-format-variables-and-modifiers/date-and-time-format-variables.',
    },
    {
      name: 'strftime: the time designator T and milliseconds',
      spl: '| makeresults | eval mytime=strftime(_time,"%Y-%m-%dT%H:%M:%S.%Q")',
      now: 1_660_485_615,
      rows: [{ mytime: '2022-08-14T14:00:15.000' }],
    },
  ],
};

export default page;
