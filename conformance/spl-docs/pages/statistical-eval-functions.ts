// Search Reference, "Statistical eval functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'Statistical eval functions',
  path: 'evaluation-functions/statistical-eval-functions',
  examples: [
    {
      name: 'avg: an absent field is not counted',
      spl: '| makeresults | eval a = 5.0, b = "9", x = avg(a, b, c)',
      rows: [{ a: '5.0', b: '9', x: '7', c: null }],
    },
    { name: 'avg: three numbers', spl: '| makeresults | eval c=avg(1, 2, 3)', rows: [{ c: '2' }] },
    {
      name: 'avg: a quoted string argument fails',
      spl: '| makeresults | eval c=avg(1, 2, "3")',
      fails: true,
    },
    {
      name: 'avg: tonumber of a quoted string (the page leaves out the closing parenthesis)',
      spl: '| makeresults | eval c=avg(1, 2, tonumber("3"))',
      rows: [{ c: '2' }],
    },
    {
      name: 'avg: a field holding numeric text',
      spl: '| makeresults | eval a="1", c=avg(a, 2, 3)',
      rows: [{ a: '1', c: '2' }],
    },
    {
      name: 'avg: a field holding other text is skipped',
      spl: '| makeresults | eval a="somedata", c=avg(a, 2, 3)',
      rows: [{ a: 'somedata', c: '2.5' }],
    },
    {
      name: 'avg: other text as a quoted argument fails',
      spl: '| makeresults | eval c=avg("somedata", 2, 3)',
      fails: true,
    },
    {
      name: 'max: strings are greater than numbers',
      spl: '* | eval n=max(1, 3, 6, 7, "foo", name)',
      events: [{ name: 'baz' }, { name: 'zaz' }],
      rows: [{ n: 'foo' }, { n: 'zaz' }],
    },
    {
      name: 'max: of a multivalue field',
      spl: '| makeresults | eval n = "1 3 5 6 4 2" | makemv n | eval maxn = max(n)',
      rows: [{ maxn: '6', n: ['1', '3', '5', '6', '4', '2'] }],
    },
    {
      name: 'min: strings are greater than numbers',
      spl: '* | eval n=min(3, 6, 7, "maria", size)',
      events: [{ size: '9' }, { size: '1' }],
      rows: [{ n: '3' }, { n: '1' }],
    },
    {
      name: 'min: of a multivalue field',
      spl: '| makeresults | eval n = "3 5 6 4 7 2" | makemv n | eval minn = min(n)',
      rows: [{ minn: '2', n: ['3', '5', '6', '4', '7', '2'] }],
    },
  ],
};

export default page;
