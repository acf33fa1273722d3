// Search Reference, "spath": JSON and XML paths, arrays with {}, attributes with {@name},
// output= and path=, and extraction of every path when none is given. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const commits = JSON.stringify({
  commits: [{ author: { name: 'ann' } }, { author: { name: 'bob' } }],
  server: { name: 'git1' },
});

const page: DocPage = {
  title: 'spath',
  path: 'search-commands/spath',
  examples: [
    {
      name: 'output= and path=',
      spl: '* | spath output=myfield path=server.name',
      events: [{ _raw: commits }],
      rows: [{ myfield: 'git1' }],
    },
    {
      name: 'an array path gives every value',
      spl: '* | spath output=commit_author path=commits{}.author.name',
      events: [{ _raw: commits }],
      rows: [{ commit_author: ['ann', 'bob'] }],
    },
    {
      name: 'no path: every path becomes a field',
      spl: '* | spath',
      events: [{ _raw: commits }],
      rows: [{ 'server.name': 'git1', 'commits{}.author.name': ['ann', 'bob'] }],
    },
    {
      name: 'an XML attribute with {@name}',
      spl: '* | spath output=locale path=vendorProductSet.product.desc.locDesc{@locale}',
      events: [
        {
          _raw: '<vendorProductSet><product><desc><locDesc locale="en-us">Games</locDesc></desc></product></vendorProductSet>',
        },
      ],
      rows: [{ locale: 'en-us' }],
    },
    {
      name: 'input= reads another field',
      spl: '* | spath input=payload path=a.b',
      events: [{ payload: '{"a":{"b":"c"}}' }],
      rows: [{ 'a.b': 'c' }],
    },
  ],
};

export default page;
