// Search Reference, "addtotals": the sum of the numeric fields of each result in Total, a field
// list with wildcards, fieldname=, and col=true with a label; inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'addtotals',
  path: 'search-commands/addtotals',
  examples: [
    {
      name: 'the numeric fields of each result summed into Total',
      spl: '* | addtotals',
      events: [{ host: 'a', x: '1', y: '2.5', z: 'n/a' }],
      rows: [{ host: 'a', Total: '3.5' }],
    },
    {
      name: 'fieldname= and a wildcard field list',
      spl: '* | addtotals fieldname=sum foobar* *baz*',
      events: [{ foobar1: '1', foobar2: '2', abazc: '4', other: '8' }],
      rows: [{ sum: '7' }],
    },
    {
      name: 'col=true adds a row of column totals, labelled',
      spl: '* | addtotals row=false col=true labelfield=host label="all hosts"',
      events: [
        { host: 'a', n: '1' },
        { host: 'b', n: '2' },
      ],
      rows: [
        { host: 'a', n: '1' },
        { host: 'b', n: '2' },
        { host: 'all hosts', n: '3' },
      ],
    },
  ],
};

export default page;
