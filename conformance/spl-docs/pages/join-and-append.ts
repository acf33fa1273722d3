// Search Reference, "join" and "append": an inner join by default, type=left keeps the results
// without a match, the subsearch's fields overwrite; append adds the subsearch's results at the
// end. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const main = [
  { id: '1', a: 'x' },
  { id: '2', a: 'y' },
];

const page: DocPage = {
  title: 'join, append',
  path: 'search-commands/join',
  examples: [
    {
      name: 'join: inner by default',
      spl: '* | join id [| makeresults | eval id="1", b="joined"]',
      events: main,
      rows: [{ id: '1', a: 'x', b: 'joined' }],
    },
    {
      name: 'join type=left keeps results without a match',
      spl: '* | join type=left id [| makeresults | eval id="1", b="joined"]',
      events: main,
      rows: [
        { id: '1', b: 'joined' },
        { id: '2', b: null },
      ],
    },
    {
      name: "join: the subsearch's values overwrite by default",
      spl: '* | join id [| makeresults | eval id="1", a="sub"]',
      events: main,
      rows: [{ id: '1', a: 'sub' }],
    },
    {
      name: 'append: the subsearch results come after',
      spl: '* | append [| makeresults | eval id="3"]',
      events: main,
      rows: [{ id: '1' }, { id: '2' }, { id: '3' }],
    },
  ],
};

export default page;
