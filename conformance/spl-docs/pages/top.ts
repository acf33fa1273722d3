// Search Reference, "top": what the description and options say a result holds (the value, its
// count and its percentage, most common first, N results by default 10), with inputs written for them.
// A percentage prints as C's %f: six decimals, a whole one too (50.000000). The pages show no
// whole percentage; siglens, a Splunk-compatible engine, formats top's percent with "%.6f".
import type { Event } from '../../../src/core/event.ts';
import type { DocPage } from '../doc-example.ts';

const referers: Event[] = ['a', 'b', 'a', 'c', 'a', 'b'].map((referer) => ({ referer }));

const page: DocPage = {
  title: 'top',
  path: 'search-commands/top',
  examples: [
    {
      name: 'the most common values with their count and percent',
      spl: '* | top referer',
      events: referers,
      rows: [
        { referer: 'a', count: '3', percent: '50.000000' },
        { referer: 'b', count: '2', percent: '33.333333' },
        { referer: 'c', count: '1', percent: '16.666667' },
      ],
    },
    {
      name: 'top N is the same as limit=N',
      spl: '* | top 1 referer',
      events: referers,
      rows: [{ referer: 'a', count: '3' }],
    },
    {
      name: 'countfield names the count; showperc=false drops the percentage',
      spl: '* | top limit=2 countfield=n showperc=false referer',
      events: referers,
      rows: [
        { referer: 'a', n: '3', percent: null },
        { referer: 'b', n: '2', percent: null },
      ],
    },
    {
      name: 'useother=true adds a row for the values left out',
      spl: '* | top limit=1 useother=true otherstr=rest referer',
      events: referers,
      rows: [
        { referer: 'a', count: '3' },
        { referer: 'rest', count: '3' },
      ],
    },
    {
      name: 'BY: the most common values in each group',
      spl: '* | top limit=1 referer BY host',
      events: [
        { host: 'h1', referer: 'a' },
        { host: 'h1', referer: 'a' },
        { host: 'h1', referer: 'b' },
        { host: 'h2', referer: 'c' },
      ],
      rows: [
        { host: 'h1', referer: 'a', count: '2' },
        { host: 'h2', referer: 'c', count: '1' },
      ],
    },
  ],
};

export default page;
