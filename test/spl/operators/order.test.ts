// sort, head, dedup, reverse (Search Reference for each command).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { SORT_DEFAULT_LIMIT } from '../../../src/spl/operators/sort.ts';
import { runPipe } from './run-spl.ts';

const EVENTS: Event[] = [
  { id: '1', v: '10', s: 'b', u: 'x' },
  { id: '2', v: '9', s: 'B', u: 'y' },
  { id: '3', v: '100', s: 'a', u: 'x' },
  { id: '4', s: '10', u: 'x' },
  { id: '5', v: 'abc', s: '9', u: 'z' },
];
const ids = (rows: Event[]) => rows.map((r) => r['id']);

describe('sort', () => {
  const cases: [string, string, unknown[]][] = [
    [
      'numbers sort numerically, before text; a missing field goes last',
      'sort v',
      ['2', '1', '3', '5', '4'],
    ],
    ['descending; a missing field still goes last', 'sort -v', ['5', '3', '1', '2', '4']],
    [
      'str() sorts as text in code-unit order (upper before lower)',
      'sort str(v)',
      ['1', '3', '2', '5', '4'],
    ],
    ['numbers before text, uppercase before lowercase', 'sort s', ['5', '4', '2', '3', '1']],
    ['two keys, and a count', 'sort 3 u, -id', ['4', '3', '1']],
    ['a trailing d reverses everything', 'sort v d', ['5', '3', '1', '2', '4']],
  ];
  for (const [name, spl, expected] of cases)
    test(name, () => assert.deepEqual(ids(runPipe(spl, EVENTS)), expected));

  test(`keeps ${SORT_DEFAULT_LIMIT} results by default, and all with sort 0`, () => {
    const many = Array.from({ length: SORT_DEFAULT_LIMIT + 5 }, (_, i) => ({ n: String(i) }));
    assert.equal(runPipe('sort -n', many, { batchSize: 997 }).length, SORT_DEFAULT_LIMIT);
    const all = runPipe('sort 0 -n', many, { batchSize: 997 });
    assert.equal(all.length, many.length);
    assert.equal(all[0]?.['n'], String(SORT_DEFAULT_LIMIT + 4));
  });
});

describe('head', () => {
  const cases: [string, string, unknown[]][] = [
    ['head N', 'head 2', ['1', '2']],
    ['head limit=N', 'head limit=3', ['1', '2', '3']],
    [
      'head (expr) stops at the first row where it is false',
      'head (u=="x" OR u=="y")',
      ['1', '2', '3', '4'],
    ],
    ['keeplast=true keeps the row that stopped it', 'head (u!="y") keeplast=true', ['1', '2']],
    ['a null result stops it unless null=true', 'head (v<50)', ['1', '2']],
  ];
  for (const [name, spl, expected] of cases)
    test(name, () => assert.deepEqual(ids(runPipe(spl, EVENTS, { batchSize: 2 })), expected));
  test('head defaults to 10', () => {
    assert.equal(
      runPipe(
        'head',
        Array.from({ length: 25 }, () => ({ a: '1' })),
      ).length,
      10,
    );
  });
});

describe('dedup', () => {
  const cases: [string, string, unknown[]][] = [
    [
      'keeps the first row of each value; rows without the field are dropped',
      'dedup v',
      ['1', '2', '3', '5'],
    ],
    ['N keeps the first N of each', 'dedup 2 u', ['1', '2', '3', '5']],
    [
      'keepempty=true keeps rows without the field',
      'dedup v keepempty=true',
      ['1', '2', '3', '4', '5'],
    ],
    [
      'consecutive=true only drops repeats of the row before',
      'dedup u consecutive=true',
      ['1', '2', '3', '5'],
    ],
    ['several fields form one key', 'dedup u s', ['1', '2', '3', '4', '5']],
    ['sortby sorts what is kept', 'dedup u sortby -id', ['5', '2', '1']],
  ];
  for (const [name, spl, expected] of cases)
    test(name, () => assert.deepEqual(ids(runPipe(spl, EVENTS)), expected));
  test('keepevents=true keeps duplicates without the dedup fields', () => {
    assert.deepEqual(runPipe('dedup u keepevents=true | table id u', EVENTS), [
      { id: '1', u: 'x' },
      { id: '2', u: 'y' },
      { id: '3' },
      { id: '4' },
      { id: '5', u: 'z' },
    ]);
  });
});

test('reverse', () => assert.deepEqual(ids(runPipe('reverse', EVENTS)), ['5', '4', '3', '2', '1']));
