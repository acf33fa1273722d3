// Search Reference, "streamstats": the examples whose results the page shows or describes.
import type { DocPage } from '../doc-example.ts';

const NOW = 1_700_000_000;
const shifts = ['DAY', 'DAY', 'NIGHT', 'NIGHT', 'NIGHT', 'NIGHT', 'DAY', 'NIGHT'];

const page: DocPage = {
  title: 'streamstats',
  path: 'search-commands/streamstats',
  examples: [
    {
      name: 'a cumulative count, then if',
      spl: '| makeresults count=3 | streamstats count | eval test=if(count==2,"yes","no")',
      rows: [
        { count: '1', test: 'no' },
        { count: '2', test: 'yes' },
        { count: '3', test: 'no' },
      ],
    },
    {
      name: 'reset_after a match: the count starts again after the event with yes',
      spl: '| makeresults count=3 | streamstats count | eval test=if(count==2,"yes","no") | streamstats count as testCount reset_after="("match(test,\\"yes\\")")"',
      rows: [{ testCount: '1' }, { testCount: '2' }, { testCount: '1' }],
    },
    {
      name: 'reset_on_change: the count restarts when the by-field changes',
      spl: '* | streamstats count BY shift reset_on_change=true',
      events: shifts.map((shift) => ({ shift })),
      rows: ['1', '2', '1', '2', '3', '4', '1', '1'].map((count, i) => ({
        shift: shifts[i] ?? null,
        count,
      })),
    },
    {
      name: 'avg over the last 5 events, the current one included',
      spl: '* | streamstats avg(foo) window=5',
      events: ['1', '2', '3', '4', '5', '6', '7'].map((foo) => ({ foo })),
      rows: ['1', '1.5', '2', '2.5', '3', '4', '5'].map((avg) => ({ 'avg(foo)': avg })),
    },
    {
      name: 'events an hour apart',
      spl: '| makeresults count=5 | streamstats count | eval _time=_time-(count*3600)',
      now: NOW,
      rows: [1, 2, 3, 4, 5].map((count) => ({
        _time: String(NOW - count * 3600),
        count: String(count),
      })),
    },
    {
      name: 'events an hour apart with age and city',
      spl: '| makeresults count=5 | streamstats count | eval _time=_time-(count*3600) | eval age = case(count=1, 25, count=2, 39, count=3, 31, count=4, 27, count=5, null()) | eval city = case(count=1 OR count=3, "San Francisco", count=2 OR count=4, "Seattle",count=5, "Los Angeles")',
      rows: [
        { age: '25', city: 'San Francisco', count: '1' },
        { age: '39', city: 'Seattle', count: '2' },
        { age: '31', city: 'San Francisco', count: '3' },
        { age: '27', city: 'Seattle', count: '4' },
        { age: null, city: 'Los Angeles', count: '5' },
      ],
    },
  ],
};

export default page;
