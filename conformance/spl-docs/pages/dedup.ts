// Search Reference, "dedup": the examples and what the options say, with inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const events: Event[] = [
  { n: '1', source: 's1', host: 'a' },
  { n: '2', source: 's1', host: 'b' },
  { n: '3', source: 's2', host: 'a' },
  { n: '4', source: 's1', host: 'a' },
  { n: '5', host: 'c' },
  { n: '6', source: 's1', host: 'a' },
];

const page: DocPage = {
  title: 'dedup',
  path: 'search-commands/dedup',
  examples: [
    {
      name: 'the first result of each source; results without source are removed',
      spl: '* | dedup source',
      events,
      rows: [{ n: '1' }, { n: '3' }],
    },
    {
      name: 'dedup 3 source keeps the first three of each source',
      spl: '* | dedup 3 source',
      events,
      rows: [{ n: '1' }, { n: '2' }, { n: '3' }, { n: '4' }],
    },
    {
      name: 'the same combination of source and host',
      spl: '* | dedup source, host',
      events,
      rows: [{ n: '1' }, { n: '2' }, { n: '3' }],
    },
    {
      name: 'keepempty=true keeps results without the field',
      spl: '* | dedup source keepempty=true',
      events,
      rows: [{ n: '1' }, { n: '3' }, { n: '5' }],
    },
    {
      name: 'consecutive=true removes only consecutive duplicates',
      spl: '* | dedup source host consecutive=true',
      events: [...events.slice(0, 4), { n: '5', source: 's1', host: 'a' }, events[1] as Event],
      rows: [{ n: '1' }, { n: '2' }, { n: '3' }, { n: '4' }, { n: '2' }],
    },
    {
      name: 'keepevents=true keeps every result, the duplicates without the fields',
      spl: '* | dedup host keepevents=true',
      events: events.slice(0, 2).concat([{ n: '3', source: 's2', host: 'a' }]),
      rows: [
        { n: '1', host: 'a' },
        { n: '2', host: 'b' },
        { n: '3', host: null, source: 's2' },
      ],
    },
    {
      name: 'sortby: the kept results sorted by a field, descending',
      spl: '* | dedup source sortby -n',
      events,
      rows: [{ n: '3' }, { n: '1' }],
    },
  ],
};

export default page;
