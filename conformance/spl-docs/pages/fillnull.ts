// Search Reference, "fillnull": the examples, with the page's result tables as input.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const COLUMNS = ['ACCESSORIES', 'ARCADE', 'SHOOTER', 'SIMULATION', 'SPORTS', 'STRATEGY', 'TEE'];
const table = (rows: (string | null)[][]): Event[] =>
  rows.map((cells) =>
    Object.fromEntries(
      cells.flatMap((cell, i) => (cell === null ? [] : [[COLUMNS[i] as string, cell]])),
    ),
  );
const sales = table([
  ['5', '17', '6', '3', '5', '32', null],
  [null, '63', '39', '30', '22', '127', '56'],
  ['65', '94', '38', '42', null, '128', '60'],
]);

const kbps: Event[] = [
  { host: 'danube.sample.com', instanenous_kbps: '1.865', kbps: '3.420' },
  {
    host: 'mekong.buttercupgames.com',
    average_kbps: '0.710',
    instanenous_kbps: '0.164',
    kbps: '1.256',
  },
  { host: 'danube.sample.com', average_kbps: '1.325', kbps: '2.230' },
  {
    host: 'yangtze.buttercupgames.com',
    average_kbps: '2.249',
    instanenous_kbps: '0.000',
    kbps: '2.249',
  },
  { average_kbps: '2.874', instanenous_kbps: '3.841', kbps: '1.906' },
  { host: 'nile.example.net', average_kbps: '2.023', instanenous_kbps: '0.915' },
];

const page: DocPage = {
  title: 'fillnull',
  path: 'search-commands/fillnull',
  examples: [
    {
      name: 'a field that is null in every result does not exist for fillnull',
      spl: '| makeresults | eval test="123123", test2=null() | fillnull value=NULL',
      rows: [{ test: '123123', test2: null }],
    },
    {
      name: 'a field with a value in some result is filled in the others',
      spl: '| makeresults | eval test1=split("123,456", ",") | mvexpand test1 | eval test2=if(test1="123", null(), "abc") | fillnull value=NULL',
      rows: [
        { test1: '123', test2: 'NULL' },
        { test1: '456', test2: 'abc' },
      ],
    },
    {
      name: 'every empty value becomes 0',
      spl: '* | fillnull',
      events: sales,
      rows: [
        { ACCESSORIES: '5', SPORTS: '5', TEE: '0' },
        { ACCESSORIES: '0', SPORTS: '22', TEE: '56' },
        { ACCESSORIES: '65', SPORTS: '0', TEE: '60' },
      ],
    },
    {
      name: 'host and kbps filled with unknown',
      spl: '* | fillnull value=unknown host kbps',
      events: kbps,
      rows: [
        { host: 'danube.sample.com', average_kbps: null, kbps: '3.420' },
        { host: 'mekong.buttercupgames.com', kbps: '1.256' },
        { host: 'danube.sample.com', instanenous_kbps: null, kbps: '2.230' },
        { host: 'yangtze.buttercupgames.com', kbps: '2.249' },
        { host: 'unknown', kbps: '1.906' },
        { host: 'nile.example.net', kbps: 'unknown' },
      ],
    },
    {
      name: 'a field that does not exist is created',
      spl: '* | fillnull value=unknown host kbps bytes',
      events: kbps,
      rows: kbps.map(() => ({ bytes: 'unknown' })),
    },
  ],
};

export default page;
