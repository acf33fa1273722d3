// Search Reference, "sort": descending with -, numeric versus lexicographic order (num(), str()),
// a count limit; inputs written for them.
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const counts: Event[] = ['9', '10', '100', '2'].map((count) => ({ count }));

const page: DocPage = {
  title: 'sort',
  path: 'search-commands/sort',
  examples: [
    {
      name: 'sort -count: numbers in descending numeric order',
      spl: '* | sort -count',
      events: counts,
      rows: [{ count: '100' }, { count: '10' }, { count: '9' }, { count: '2' }],
    },
    {
      name: 'str(): lexicographic order',
      spl: '* | sort str(count)',
      events: counts,
      rows: [{ count: '10' }, { count: '100' }, { count: '2' }, { count: '9' }],
    },
    {
      name: 'a count limit keeps the first N',
      spl: '* | sort 2 count',
      events: counts,
      rows: [{ count: '2' }, { count: '9' }],
    },
    {
      name: 'several fields: ascending, then descending',
      spl: '* | sort host, -size',
      events: [
        { host: 'b', size: '1' },
        { host: 'a', size: '1' },
        { host: 'a', size: '5' },
      ],
      rows: [
        { host: 'a', size: '5' },
        { host: 'a', size: '1' },
        { host: 'b', size: '1' },
      ],
    },
  ],
};

export default page;
