// Search Reference, "Text functions": the examples that state their result. Results that start
// with spaces keep them (the page's rendering drops leading spaces).
import type { DocPage } from '../doc-example.ts';

const names = ['buttercup', 'rarity', 'tenderhoof', 'dash', 'mistmane'];

const page: DocPage = {
  title: 'Text functions',
  path: 'evaluation-functions/text-functions',
  examples: [
    {
      name: 'len: the length of each name',
      spl: '* | eval length=len(names)',
      events: names.map((n) => ({ names: n })),
      rows: ['9', '6', '10', '4', '8'].map((length, i) => ({ length, names: names[i] ?? null })),
    },
    {
      name: 'len: its other name, length',
      spl: '| makeresults | eval n=length("buttercup")',
      rows: [{ n: '9' }],
    },
    {
      name: 'lower and upper: a field',
      spl: '* | eval low=lower(username), up=upper(username)',
      events: [{ username: 'Maria' }],
      rows: [{ low: 'maria', up: 'MARIA' }],
    },
    {
      name: 'ltrim: spaces and Z from the left',
      spl: '| makeresults | eval x=ltrim("   ZZZZabcZZ ", " Z")',
      rows: [{ x: 'abcZZ ' }],
    },
    {
      name: 'ltrim: a dollar sign',
      spl: '* | eval cost=ltrim(NET_COST, "$")',
      events: [{ NET_COST: '$42.50' }],
      rows: [{ cost: '42.50' }],
    },
    {
      name: 'replace: month and day swapped',
      spl: '* | eval n=replace(date, "^(\\d{1,2})/(\\d{1,2})/", "\\2/\\1/")',
      events: [{ date: '1/14/2023' }],
      rows: [{ n: '14/1/2023' }],
    },
    {
      name: 'replace: everything from the first colon removed',
      spl: '* | eval dst=replace(dst,":.*","")',
      events: [{ dst: '54.81.233.206:443:X1' }],
      rows: [{ dst: '54.81.233.206' }],
    },
    {
      name: 'rtrim: spaces and Z from the right',
      spl: '| makeresults | eval n=rtrim("   ZZZZabcZZ ", " Z")',
      rows: [{ n: '   ZZZZabc' }],
    },
    {
      name: 'spath: the locDesc values of an XML event',
      spl: '* | eval locDesc=spath(_raw, "vendorProductSet.product.desc.locDesc")',
      events: [
        {
          _raw: '<vendorProductSet><product><desc><locDesc>Buttercup Games</locDesc></desc></product></vendorProductSet>',
        },
      ],
      rows: [{ locDesc: 'Buttercup Games' }],
    },
    {
      name: 'substr: "str" + "ing"',
      spl: '| makeresults | eval n=substr("string", 1, 3) + substr("string", -3)',
      rows: [{ n: 'string' }],
    },
    {
      name: 'trim: spaces and Z from both sides',
      spl: '| makeresults | eval n=trim("   ZZZZabcZZ ", " Z")',
      rows: [{ n: 'abc' }],
    },
    {
      name: 'urldecode',
      spl: '| makeresults | eval n=urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")',
      rows: [{ n: 'http://www.splunk.com/download?r=header' }],
    },
  ],
};

export default page;
