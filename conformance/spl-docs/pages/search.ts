// Search Reference, "search": field values match without regard to case, field names with it;
// wildcards, IN, and the difference between != and NOT. Inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const events: Event[] = [
  { n: '1', host: 'WEB1', status: '404' },
  { n: '2', host: 'web2', status: '200' },
  { n: '3', host: 'db1', status: '500' },
  { n: '4', host: 'db2' },
];

const page: DocPage = {
  title: 'search',
  path: 'search-commands/search',
  examples: [
    {
      name: 'a field value matches whatever its case',
      spl: '* | search host=web1',
      events,
      rows: [{ n: '1' }],
    },
    {
      name: 'field names are case-sensitive',
      spl: '* | search HOST=web1',
      events,
      rows: [],
    },
    {
      name: 'a wildcard value',
      spl: '* | search host=web*',
      events,
      rows: [{ n: '1' }, { n: '2' }],
    },
    {
      name: 'IN a list of values',
      spl: '* | search status IN (404, 500)',
      events,
      rows: [{ n: '1' }, { n: '3' }],
    },
    {
      name: '!= needs the field; NOT also returns events without it',
      spl: '* | search status!=200',
      events,
      rows: [{ n: '1' }, { n: '3' }],
    },
    {
      name: 'NOT status=200',
      spl: '* | search NOT status=200',
      events,
      rows: [{ n: '1' }, { n: '3' }, { n: '4' }],
    },
  ],
};

export default page;
