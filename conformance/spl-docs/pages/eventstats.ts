// Search Reference, "eventstats": the extended example's progressive searches over makeresults.
import type { DocPage } from '../doc-example.ts';

const BASE =
  '| makeresults count=4 | streamstats count | eval age = case(count=1, 25, count=2, 39, count=3, 31, count=4, null()) | eval city = case(count=1 OR count=3, "San Francisco", count=2 OR count=4, "Seattle")';
const TEXT_BASE = BASE.replace('count=4, null()', 'count=4, "test"');

const page: DocPage = {
  title: 'eventstats',
  path: 'search-commands/eventstats',
  examples: [
    {
      name: 'creating the events',
      spl: BASE,
      rows: [
        { age: '25', city: 'San Francisco', count: '1' },
        { age: '39', city: 'Seattle', count: '2' },
        { age: '31', city: 'San Francisco', count: '3' },
        { age: null, city: 'Seattle', count: '4' },
      ],
    },
    {
      name: 'avg(age) BY city, added to every event of the city',
      spl: `${BASE} | eventstats avg(age) BY city`,
      rows: [
        { age: '25', 'avg(age)': '28', city: 'San Francisco' },
        { age: '39', 'avg(age)': '39', city: 'Seattle' },
        { age: '31', 'avg(age)': '28', city: 'San Francisco' },
        { age: null, 'avg(age)': '39', city: 'Seattle' },
      ],
    },
    {
      name: 'renaming the new field with AS',
      spl: `${BASE} | eventstats avg(age) AS "average age by city" BY city`,
      rows: ['28', '39', '28', '39'].map((avg) => ({ 'average age by city': avg })),
    },
    {
      name: 'text values are treated like nulls',
      spl: `${TEXT_BASE} | eventstats avg(age) BY city`,
      rows: [
        { age: '25', 'avg(age)': '28' },
        { age: '39', 'avg(age)': '39' },
        { age: '31', 'avg(age)': '28' },
        { age: 'test', 'avg(age)': '39' },
      ],
    },
    {
      name: 'allnum=true: no statistic for a group with a value that is not a number',
      spl: `${TEXT_BASE} | eventstats allnum=true avg(age) BY city`,
      rows: [
        { age: '25', 'avg(age)': '28' },
        { age: '39', 'avg(age)': null },
        { age: '31', 'avg(age)': '28' },
        { age: 'test', 'avg(age)': null },
      ],
    },
    {
      name: 'where bytes>avg: the events above the average',
      spl: '* | eventstats avg(bytes) AS avg | where bytes>avg',
      events: [{ bytes: '100' }, { bytes: '300' }, { bytes: '200' }],
      rows: [{ bytes: '300', avg: '200' }],
    },
  ],
};

export default page;
