// Search Reference, "where": an unquoted name is a field, so `where a=b` compares two fields;
// functions in the condition; inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'where',
  path: 'search-commands/where',
  examples: [
    {
      name: 'two fields compared',
      spl: '* | where ipaddress=clientip',
      events: [
        { n: '1', ipaddress: '10.0.0.1', clientip: '10.0.0.1' },
        { n: '2', ipaddress: '10.0.0.1', clientip: '10.0.0.2' },
      ],
      rows: [{ n: '1' }],
    },
    {
      name: 'a quoted value is a string',
      spl: '* | where host="web1"',
      events: [
        { n: '1', host: 'web1' },
        { n: '2', host: 'web2' },
      ],
      rows: [{ n: '1' }],
    },
    {
      name: 'like and cidrmatch',
      spl: '* | where like(src, "10.9.165.%") OR cidrmatch("10.9.165.0/25", dst)',
      events: [
        { n: '1', src: '10.9.165.7', dst: '1.1.1.1' },
        { n: '2', src: '1.1.1.1', dst: '10.9.165.100' },
        { n: '3', src: '1.1.1.1', dst: '10.9.165.200' },
      ],
      rows: [{ n: '1' }, { n: '2' }],
    },
    {
      name: 'arithmetic in the condition',
      spl: '* | where distance/time > 100',
      events: [
        { n: '1', distance: '500', time: '2' },
        { n: '2', distance: '100', time: '2' },
      ],
      rows: [{ n: '1' }],
    },
  ],
};

export default page;
