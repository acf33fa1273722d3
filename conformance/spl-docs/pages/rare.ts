// Search Reference, "rare": top's dual, the least common values first, with inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const urls: Event[] = ['a', 'b', 'a', 'c', 'a', 'b'].map((url) => ({ url }));

const page: DocPage = {
  title: 'rare',
  path: 'search-commands/rare',
  examples: [
    {
      name: 'the least common values first, with count and percent',
      spl: '* | rare url',
      events: urls,
      rows: [
        { url: 'c', count: '1', percent: '16.666667' },
        { url: 'b', count: '2', percent: '33.333333' },
        { url: 'a', count: '3', percent: '50.000000' },
      ],
    },
    {
      name: 'limit and showcount=false',
      spl: '* | rare limit=1 showcount=false url',
      events: urls,
      rows: [{ url: 'c', count: null }],
    },
  ],
};

export default page;
