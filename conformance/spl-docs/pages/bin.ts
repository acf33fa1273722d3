// Search Reference, "bin": times put into spans (a span of a day or more aligned to midnight in
// the user's time zone), AS a new field; inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'bin',
  path: 'search-commands/bin',
  examples: [
    {
      name: 'span=1h: the start of the hour',
      spl: '* | bin _time span=1h',
      events: [{ _time: 1700000000 }],
      rows: [{ _time: '1699999200' }],
    },
    {
      name: 'span=1d: local midnight',
      spl: '* | bin _time span=1d',
      tz: 'America/Los_Angeles',
      events: [{ _time: 1700000000 }],
      rows: [{ _time: '1699948800' }],
    },
    {
      name: 'AS: a new field, the original kept',
      spl: '* | bin _time span=5m AS t',
      events: [{ _time: 1700000000 }],
      rows: [{ _time: '1700000000', t: '1699999800' }],
    },
    {
      name: 'bucket is another name for bin',
      spl: '* | bucket _time span=1h',
      events: [{ _time: 1700000000 }],
      rows: [{ _time: '1699999200' }],
    },
  ],
};

export default page;
