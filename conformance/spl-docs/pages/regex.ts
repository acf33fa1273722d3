// Search Reference, "regex": keep the results whose field matches (field= default _raw), or with
// != those that do not. Inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const events: Event[] = [
  { n: '1', _raw: 'from 10.1.2.3 ok', src: '10.1.2.3' },
  { n: '2', _raw: 'from 192.168.0.1 ok', src: '192.168.0.1' },
  { n: '3', _raw: 'from 110.1.2.3 ok', src: '110.1.2.3' },
];

const page: DocPage = {
  title: 'regex',
  path: 'search-commands/regex',
  examples: [
    {
      name: '_raw holding a 10.x.x.x address',
      spl: '* | regex _raw="(?<!\\d)10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?!\\d)"',
      events,
      rows: [{ n: '1' }],
    },
    {
      name: 'field!=regex removes the matches',
      spl: '* | regex src!="^192\\.168\\."',
      events,
      rows: [{ n: '1' }, { n: '3' }],
    },
    {
      name: 'no field: _raw',
      spl: '* | regex "192\\.168"',
      events,
      rows: [{ n: '2' }],
    },
  ],
};

export default page;
