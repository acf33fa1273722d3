// Search Reference, "mvexpand": a result per value of the field, the other fields copied; limit=
// takes the first values only. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'mvexpand',
  path: 'search-commands/mvexpand',
  examples: [
    {
      name: 'a result for each value, the other fields unchanged',
      spl: '* | mvexpand c',
      events: [
        { a: '1', b: 'x', c: ['V1', 'V2', 'V3'] },
        { a: '2', b: 'y', c: ['V4', 'V5'] },
      ],
      rows: [
        { a: '1', b: 'x', c: 'V1' },
        { a: '1', b: 'x', c: 'V2' },
        { a: '1', b: 'x', c: 'V3' },
        { a: '2', b: 'y', c: 'V4' },
        { a: '2', b: 'y', c: 'V5' },
      ],
    },
    {
      name: 'limit: the first values of each result',
      spl: '* | mvexpand limit=2 c',
      events: [{ a: '1', c: ['V1', 'V2', 'V3'] }],
      rows: [
        { a: '1', c: 'V1' },
        { a: '1', c: 'V2' },
      ],
    },
    {
      name: 'makeresults, mvappend, then mvexpand',
      spl: '| makeresults | eval mvfield=mvappend("1", "2", "3"), foo="bar" | mvexpand mvfield',
      rows: [
        { mvfield: '1', foo: 'bar' },
        { mvfield: '2', foo: 'bar' },
        { mvfield: '3', foo: 'bar' },
      ],
    },
  ],
};

export default page;
