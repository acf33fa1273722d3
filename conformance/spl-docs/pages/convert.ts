// Search Reference, "convert": the examples with a stated result. The page's _time values show in
// US Pacific time (17:20:14.839 PDT is 1522196414.839).
import type { DocPage } from '../doc-example.ts';

const times = [
  1522196414.839, 1522196465.724, 1522196823.79, 1522196921.869, 1522197280.9, 1522197527.12,
  1522197610.345, 1522197715.548,
];
const clock = [
  '17:20:14',
  '17:21:05',
  '17:27:03',
  '17:28:41',
  '17:34:40',
  '17:38:47',
  '17:40:10',
  '17:41:55',
];

const page: DocPage = {
  title: 'convert',
  path: 'search-commands/convert',
  examples: [
    {
      name: 'dur2sec: D+HH:MM:SS to seconds',
      spl: '* | convert dur2sec(delay)',
      events: [{ delay: '00:10:15' }],
      rows: [{ delay: '615' }],
    },
    {
      name: 'rmunit: the number at the start, the unit removed',
      spl: '* | convert rmunit(duration)',
      events: [{ duration: '212 sec' }],
      rows: [{ duration: '212' }],
    },
    {
      name: 'rmcomma: commas removed',
      spl: '* | convert rmcomma(total)',
      events: [{ total: '1,000,000.00' }],
      rows: [{ total: '1000000.00' }],
    },
    {
      name: 'ctime with a timeformat, AS a new field',
      spl: '* | convert timeformat="%H:%M:%S" ctime(_time) AS c_time | table _time, c_time',
      tz: 'America/Los_Angeles',
      events: times.map((_time) => ({ _time })),
      rows: clock.map((c_time) => ({ c_time })),
    },
    {
      name: 'mstime: a number of seconds stays that number',
      spl: '* | convert mstime(_time) AS ms_time | table _time, ms_time',
      tz: 'America/Los_Angeles',
      events: times.map((_time) => ({ _time })),
      rows: times.map((t) => ({ ms_time: t.toFixed(3) })),
    },
    {
      name: 'num, then a sum in minutes by user',
      spl: '* | convert num(time_elapsed) | stats sum(eval(time_elapsed/60)) AS Minutes BY user_id',
      events: [
        { user_id: 'a', time_elapsed: '120' },
        { user_id: 'a', time_elapsed: '60' },
        { user_id: 'b', time_elapsed: 'x' },
      ],
      rows: [
        { user_id: 'a', Minutes: '3' },
        { user_id: 'b', Minutes: null },
      ],
    },
  ],
};

export default page;
