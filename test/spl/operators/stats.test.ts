// stats / eventstats / streamstats semantics (Search Reference: stats, eventstats, streamstats).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { compileErrors, runPipe } from './run-spl.ts';

const EVENTS: Event[] = [
  { _time: 30, host: 'b', user: 'x', bytes: '10' },
  { _time: 10, host: 'a', user: 'y', bytes: '5' },
  { _time: 20, host: 'a', user: 'x', bytes: 'n/a' },
  { _time: 40, user: 'z', bytes: '7' },
  { _time: 50, host: ['a', 'c'], user: 'x', bytes: '1' },
];

describe('stats', () => {
  const cases: [string, string, Event[]][] = [
    [
      'a row whose by-field is null is dropped; a multivalue by-field counts in each group; groups come sorted',
      'stats count by host',
      [
        { host: 'a', count: 3 },
        { host: 'b', count: 1 },
        { host: 'c', count: 1 },
      ],
    ],
    [
      'no by-clause and no rows still gives one row',
      'search nothing=here | stats count dc(user)',
      [{ count: 0, 'dc(user)': 0 }],
    ],
    [
      'values() is distinct and sorted, list() keeps order and repeats',
      'stats values(user) as users list(user) as all',
      [{ users: ['x', 'y', 'z'], all: ['x', 'y', 'x', 'z', 'x'] }],
    ],
    [
      'numeric functions skip values that are not numbers',
      'stats sum(bytes) as total min(bytes) as low max(bytes) as high avg(bytes) as mean count(bytes) as n',
      [{ total: 23, low: 1, high: 10, mean: 5.75, n: 5 }],
    ],
    [
      'min/max/earliest/latest over _time, named by alias or as written',
      'stats min(_time) as firstTime max(_time) as lastTime earliest(user) latest(user) by host',
      [
        { host: 'a', firstTime: 10, lastTime: 50, 'earliest(user)': 'y', 'latest(user)': 'x' },
        { host: 'b', firstTime: 30, lastTime: 30, 'earliest(user)': 'x', 'latest(user)': 'x' },
        { host: 'c', firstTime: 50, lastTime: 50, 'earliest(user)': 'x', 'latest(user)': 'x' },
      ],
    ],
    [
      'count(eval(...)) counts the rows where the expression is true',
      'stats count(eval(user=="x")) as xs, dc(eval(if(user=="x", null(), user))) as others',
      [{ xs: 3, others: 2 }],
    ],
    [
      'two by-fields; function names are case-insensitive',
      'stats COUNT AS c by host user',
      [
        { host: 'a', user: 'x', c: 2 },
        { host: 'a', user: 'y', c: 1 },
        { host: 'b', user: 'x', c: 1 },
        { host: 'c', user: 'x', c: 1 },
      ],
    ],
    [
      'range, stdev, median, perc',
      'stats range(_time) as r stdev(_time) as s median(_time) as m perc50(_time) as p',
      [{ r: 40, s: 15.811388300841896, m: 30, p: 30 }],
    ],
  ];
  for (const [name, spl, expected] of cases) {
    test(name, () => assert.deepEqual(runPipe(spl, EVENTS, { batchSize: 2 }), expected));
  }
});

describe('stats with wildcard arguments', () => {
  const events: Event[] = [
    { _time: 1, host: 'a', user: 'x', proc_name: 'p1' },
    { _time: 2, host: 'a', user: 'y', proc_id: '7' },
    { _time: 3, host: 'b', proc_name: 'p2' },
  ];
  test('values(*) as * aggregates every non-internal, non-by field under its own name', () => {
    assert.deepEqual(runPipe('stats values(*) as * by host', events), [
      { host: 'a', proc_id: '7', proc_name: 'p1', user: ['x', 'y'] },
      { host: 'b', proc_name: 'p2' },
    ]);
  });
  test('a partial pattern, with and without an alias', () => {
    assert.deepEqual(runPipe('stats latest(proc_*) as last_* count(proc_*)', events), [
      { last_id: '7', last_name: 'p2', 'count(proc_id)': 1, 'count(proc_name)': 2 },
    ]);
  });
});

describe('eventstats', () => {
  test('adds the group aggregate to every row, in arrival order; rows without the by-field get none', () => {
    assert.deepEqual(
      runPipe('eventstats count as n max(_time) as last by user | table user n last', EVENTS),
      [
        { user: 'x', n: 3, last: 50 },
        { user: 'y', n: 1, last: 10 },
        { user: 'x', n: 3, last: 50 },
        { user: 'z', n: 1, last: 40 },
        { user: 'x', n: 3, last: 50 },
      ],
    );
  });
});

describe('streamstats', () => {
  const rows = (spl: string) => runPipe(`${spl} | table user n`, EVENTS, { batchSize: 2 });
  test('running count per group, counting the current row', () => {
    assert.deepEqual(
      rows('streamstats count as n by user').map((r) => r['n']),
      [1, 1, 2, 1, 3],
    );
  });
  test('current=false leaves the current row out', () => {
    assert.deepEqual(
      rows('streamstats current=false count as n').map((r) => r['n']),
      [0, 1, 2, 3, 4],
    );
  });
  test('window=2 aggregates the last two rows', () => {
    assert.deepEqual(
      runPipe('streamstats window=2 sum(_time) as n | table n', EVENTS).map((r) => r['n']),
      [30, 40, 30, 60, 90],
    );
  });
  test('reset_after/reset_before: the expression as one argument, quoted pieces joined (Search Reference, streamstats)', () => {
    const counted = (spl: string) =>
      runPipe(`streamstats count as c | ${spl} | table n`, EVENTS).map((r) => r['n']);
    // `"("match(test,\"yes\")")"` is the text (match(test,"yes")), as the page writes it.
    assert.deepEqual(
      counted(
        'eval t=if(c==2,"yes","no") | streamstats count as n reset_after="("match(t,\\"yes\\")")"',
      ),
      [1, 2, 1, 2, 3],
    );
    assert.deepEqual(counted('streamstats count as n reset_after="(c>1)"'), [1, 2, 1, 1, 1]);
    assert.deepEqual(counted('streamstats count as n reset_before="c=3"'), [1, 2, 1, 2, 3]);
  });
  test('a bad reset expression is a parse error under its text', () => {
    const [d] = compileErrors('* | streamstats count reset_after="(a >)"');
    assert.equal(d?.code, 'SPL010');
    const text = '* | streamstats count reset_after="(a >)"';
    assert.equal(text.slice(d?.span?.start, d?.span?.end), ')');
  });
  test('reset_on_change starts over when the by-field changes', () => {
    assert.deepEqual(
      rows('streamstats reset_on_change=true count as n by user').map((r) => r['n']),
      [1, 1, 1, 1, 1],
    );
  });
});

describe('allnum and options after the aggregations', () => {
  test('allnum=true: a group with a value that is not a number gets no numeric statistic', () => {
    const out = runPipe('stats allnum=true sum(bytes) as s, count by host', EVENTS);
    assert.deepEqual(
      out.map((r) => [r['host'], r['s'], r['count']]),
      [
        ['a', undefined, 3],
        ['b', 10, 1],
        ['c', 1, 1],
      ],
    );
  });
  test('streamstats options may follow the aggregation and the by-clause', () => {
    assert.deepEqual(
      runPipe('streamstats sum(_time) as n window=2 | table n', EVENTS).map((r) => r['n']),
      [30, 40, 30, 60, 90],
    );
    assert.deepEqual(
      runPipe('streamstats count as n by user reset_on_change=true | table n', EVENTS).map(
        (r) => r['n'],
      ),
      [1, 1, 1, 1, 1],
    );
  });
});
