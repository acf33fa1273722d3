// Search Reference, "stats" and "Statistical and charting functions": the functions ESCU uses,
// with inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const events: Event[] = [
  { _time: 100, host: 'a', user: 'u1', status: '404', bytes: '10' },
  { _time: 200, host: 'a', user: 'u2', status: '200', bytes: '30' },
  { _time: 300, host: 'b', user: 'u1', status: '404', bytes: '20' },
  { _time: 400, host: 'a', user: 'u1', status: '500' },
];

const page: DocPage = {
  title: 'stats',
  path: 'search-commands/stats',
  examples: [
    {
      name: 'count, dc, values BY a field; groups in order',
      spl: '* | stats count dc(user) AS users values(status) AS statuses BY host',
      events,
      rows: [
        { host: 'a', count: '3', users: '2', statuses: ['200', '404', '500'] },
        { host: 'b', count: '1', users: '1', statuses: '404' },
      ],
    },
    {
      name: 'count(eval(...)) counts the results where the expression holds',
      spl: '* | stats count(eval(status="404")) AS count_404',
      events,
      rows: [{ count_404: '2' }],
    },
    {
      name: 'sum, avg, min, max skip results without the field',
      spl: '* | stats sum(bytes) AS s avg(bytes) AS a min(bytes) AS lo max(bytes) AS hi',
      events,
      rows: [{ s: '60', a: '20', lo: '10', hi: '30' }],
    },
    {
      name: 'earliest and latest by _time; first and last in result order',
      spl: '* | stats earliest(status) AS e latest(status) AS l first(status) AS f last(status) AS z',
      events: [...events].reverse(),
      rows: [{ e: '404', l: '500', f: '500', z: '404' }],
    },
    {
      name: 'list keeps every value in order; values are distinct and sorted',
      spl: '* | stats list(user) AS all values(user) AS distinct',
      events,
      rows: [{ all: ['u1', 'u2', 'u1', 'u1'], distinct: ['u1', 'u2'] }],
    },
    {
      name: 'a result without the by-field is left out',
      spl: '* | stats count BY bytes',
      events,
      rows: [
        { bytes: '10', count: '1' },
        { bytes: '20', count: '1' },
        { bytes: '30', count: '1' },
      ],
    },
  ],
};

export default page;
