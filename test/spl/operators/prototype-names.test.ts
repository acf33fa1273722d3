// Field names that are Object.prototype members (`constructor`, `toString`, `__proto__`, ...) through every command.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import { runSpl } from './run-spl.ts';

/** JSON.parse defines `__proto__` as an own field, as the readers do. */
function event(json: string): Event {
  return JSON.parse(json) as Event;
}

/** A row's own fields, read by descriptor so `__proto__` is seen as a field. */
function own(row: Event | undefined, name: string): unknown {
  return row === undefined ? undefined : Object.getOwnPropertyDescriptor(row, name)?.value;
}

function assertPlain(rows: readonly Event[]): void {
  for (const row of rows) assert.equal(Object.getPrototypeOf(row), Object.prototype);
}

// Events without the fields: a plain read would find Object.prototype's members.
const PLAIN: Event[] = [
  { _time: 1, EventCode: '1', host: 'a' },
  { _time: 2, EventCode: '1', host: 'b' },
];

// Events that do carry such fields (legal in XML Data names and JSON keys).
const CARRYING: Event[] = [
  event(
    '{"_time":3,"EventCode":"1","host":"c","constructor":"ctor","toString":"ts","__proto__":"pr","valueOf":"7","hasOwnProperty":"h"}',
  ),
  event('{"_time":4,"EventCode":"1","host":"d","constructor":["m1","m2"],"__proto__":["p1","p2"]}'),
];

const ALL = [...PLAIN, ...CARRYING];

const hosts = (rows: readonly Event[]) => rows.map((r) => r['host']);

describe('search predicates read own fields only', () => {
  const cases: [string, string[]][] = [
    ['EventCode=1 toString=*', ['c']],
    ['EventCode=1 NOT constructor=*', ['a', 'b']],
    ['constructor=*', ['c', 'd']],
    ['__proto__=*', ['c', 'd']],
    ['__proto__=p2', ['d']],
    ['constructor!=ctor', ['d']],
    ['valueOf>5', ['c']],
    ['hasOwnProperty=h', ['c']],
    ['isPrototypeOf=*', []],
    ['__defineGetter__=* OR __lookupSetter__=*', []],
    ['constructor IN (m2, zz)', ['d']],
    ['toStr*=*', ['c']],
  ];
  for (const [search, expected] of cases) {
    test(search, () => assert.deepEqual(hosts(runSpl(search, ALL)), expected));
  }
});

describe('eval and where', () => {
  test('len(constructor), isnull(valueOf), coalesce(toString, ...)', () => {
    const rows = runSpl(
      '* | eval n=len(constructor), missing=if(isnull(valueOf), "yes", "no"), t=coalesce(toString, "none") | table host n missing t',
      ALL,
    );
    assert.deepEqual(rows, [
      { host: 'a', missing: 'yes', t: 'none' },
      { host: 'b', missing: 'yes', t: 'none' },
      { host: 'c', n: 4, missing: 'no', t: 'ts' },
      { host: 'd', n: 2, missing: 'yes', t: 'none' },
    ]);
  });

  test('where isnotnull(constructor) and where toString="ts"', () => {
    assert.deepEqual(hosts(runSpl('* | where isnotnull(constructor)', ALL)), ['c', 'd']);
    assert.deepEqual(hosts(runSpl('* | where toString="ts"', ALL)), ['c']);
  });

  test('eval __proto__=... makes a field and leaves the prototype alone', () => {
    const rows = runSpl('* | eval __proto__=split("x,y", ","), constructor="k"', PLAIN);
    assertPlain(rows);
    assert.deepEqual(own(rows[0], '__proto__'), ['x', 'y']);
    assert.equal(rows[0]?.['constructor'], 'k');
    const kept = runSpl(
      '* | eval __proto__="v" | where __proto__="v" | table host __proto__',
      PLAIN,
    );
    assert.equal(kept.length, 2);
    assert.equal(own(kept[0], '__proto__'), 'v');
  });

  test('mvfilter and mvmap over a field named constructor', () => {
    const rows = runSpl(
      '* | eval kept=mvfilter(constructor!="m1"), mapped=mvmap(constructor, constructor."!") | table host kept mapped',
      ALL,
    );
    assert.deepEqual(rows, [
      { host: 'a' },
      { host: 'b' },
      { host: 'c', kept: 'ctor', mapped: 'ctor!' },
      { host: 'd', kept: 'm2', mapped: ['m1!', 'm2!'] },
    ]);
  });
});

describe('row-building commands', () => {
  test('stats by a prototype name and values() of one', () => {
    assert.deepEqual(runSpl('* | stats count by constructor', ALL), [
      { constructor: 'ctor', count: 1 },
      { constructor: 'm1', count: 1 },
      { constructor: 'm2', count: 1 },
    ]);
    const rows = runSpl('* | stats values(__proto__) AS __proto__ dc(toString) AS toString', ALL);
    assertPlain(rows);
    assert.deepEqual(own(rows[0], '__proto__'), ['p1', 'p2', 'pr']);
    assert.equal(rows[0]?.['toString'], 1);
    const byProto = runSpl('* | stats count by __proto__', ALL);
    assertPlain(byProto);
    assert.deepEqual(
      byProto.map((r) => own(r, '__proto__')),
      ['p1', 'p2', 'pr'],
    );
  });

  test('table and fields keep such fields when present, and nothing inherited', () => {
    const table = runSpl('* | table host constructor __proto__ toString', ALL);
    assertPlain(table);
    assert.deepEqual(
      table.map((r) => [r['host'], own(r, 'constructor'), own(r, '__proto__'), own(r, 'toString')]),
      [
        ['a', undefined, undefined, undefined],
        ['b', undefined, undefined, undefined],
        ['c', 'ctor', 'pr', 'ts'],
        ['d', ['m1', 'm2'], ['p1', 'p2'], undefined],
      ],
    );
    const wildcard = runSpl('* | table host __*', CARRYING);
    assertPlain(wildcard);
    assert.equal(own(wildcard[0], '__proto__'), 'pr');
    const fields = runSpl('* | fields host __proto__ constructor', ALL);
    assertPlain(fields);
    assert.deepEqual(Object.keys(fields[0] ?? {}).sort(), ['_time', 'host']);
    assert.equal(own(fields[2], '__proto__'), 'pr');
    const removed = runSpl('* | fields - __proto__', CARRYING);
    assert.equal(own(removed[0], '__proto__'), undefined);
  });

  test('rename to and from __proto__', () => {
    const to = runSpl('* | rename host AS __proto__', PLAIN);
    assertPlain(to);
    assert.deepEqual(
      to.map((r) => own(r, '__proto__')),
      ['a', 'b'],
    );
    const from = runSpl('* | rename __proto__ AS proto | table proto', CARRYING);
    assert.deepEqual(from, [{ proto: 'pr' }, { proto: ['p1', 'p2'] }]);
    const wildcard = runSpl('* | rename h* AS __proto__* | table __proto__ost', PLAIN);
    assert.deepEqual(wildcard, [{ __proto__ost: 'a' }, { __proto__ost: 'b' }]);
  });

  test('dedup, sort and mvexpand by prototype names', () => {
    assert.deepEqual(hosts(runSpl('* | dedup constructor', ALL)), ['c', 'd']);
    assert.deepEqual(hosts(runSpl('* | sort - __proto__', ALL)), ['c', 'd', 'a', 'b']);
    const expanded = runSpl('* | mvexpand __proto__ | table host __proto__', CARRYING);
    assertPlain(expanded);
    assert.deepEqual(
      expanded.map((r) => [r['host'], own(r, '__proto__')]),
      [
        ['c', 'pr'],
        ['d', 'p1'],
        ['d', 'p2'],
      ],
    );
  });

  test('fillnull, rex, spath and makeresults write such fields as fields', () => {
    const filled = runSpl('* | fillnull value=0 constructor __proto__', PLAIN);
    assertPlain(filled);
    assert.equal(filled[0]?.['constructor'], '0');
    assert.equal(own(filled[0], '__proto__'), '0');
    const rexed = runSpl('* | rex field=host "(?<__proto__>.)"', PLAIN);
    assertPlain(rexed);
    assert.equal(own(rexed[1], '__proto__'), 'b');
    const parsed = runSpl(
      '| makeresults format=json data="[{\\"__proto__\\": \\"j\\", \\"toString\\": 1}]" | eval j=__proto__ | spath input=j',
      [],
    );
    assertPlain(parsed);
    assert.equal(own(parsed[0], '__proto__'), 'j');
    assert.equal(parsed[0]?.['toString'], 1);
  });

  test('transaction and timechart group and name columns by data values', () => {
    const txn = runSpl('* | transaction EventCode | table __proto__ eventcount', ALL);
    assertPlain(txn);
    assert.deepEqual(own(txn[0], '__proto__'), ['pr', 'p1', 'p2']);
    const chart = runSpl(
      '* | eval series=if(host="a", "__proto__", "constructor") | timechart span=1h count by series',
      ALL,
    );
    assertPlain(chart);
    assert.equal(own(chart[0], '__proto__'), 1);
    assert.equal(own(chart[0], 'constructor'), 3);
  });
});

describe('lookups with prototype-named input and output fields', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-proto-'));
  writeFileSync(
    path.join(dir, 'names.csv'),
    'constructor,__proto__,toString\nctor,from-lookup,ts-out\nm2,second,\n',
  );
  const { lookups } = loadSearchLibrary({ lookups: [dir] });

  test('input field constructor, outputs __proto__ and toString', () => {
    const rows = runSpl('* | lookup names.csv constructor OUTPUT __proto__ AS hit toString', ALL, {
      lookups,
    });
    assertPlain(rows);
    assert.deepEqual(
      rows.map((r) => [r['host'], r['hit'], own(r, 'toString')]),
      [
        ['a', undefined, undefined],
        ['b', undefined, undefined],
        ['c', 'from-lookup', 'ts-out'],
        ['d', 'second', undefined],
      ],
    );
  });

  test('OUTPUT into __proto__ and OUTPUTNEW over an inherited name', () => {
    const rows = runSpl(
      '* | lookup names.csv constructor AS host OUTPUT __proto__',
      [{ host: 'ctor' }],
      { lookups },
    );
    assertPlain(rows);
    assert.equal(own(rows[0], '__proto__'), 'from-lookup');
    const filled = runSpl(
      '* | eval constructor="ctor" | lookup names.csv constructor OUTPUTNEW toString',
      PLAIN,
      { lookups },
    );
    assert.equal(own(filled[0], 'toString'), 'ts-out');
    const inputs = runSpl('| inputlookup names.csv | table __proto__', [], { lookups });
    assertPlain(inputs);
    assert.deepEqual(
      inputs.map((r) => own(r, '__proto__')),
      ['from-lookup', 'second'],
    );
  });
});

describe('command options and spans named like prototype members', () => {
  test('are unknown options, not crashes', async () => {
    const { compileSpl } = await import('../../../src/spl/plan/compile-spl.ts');
    for (const spl of [
      '| makeresults | dedup constructor=1 x',
      '| makeresults | top limit=1 x __proto__=1',
      '| makeresults | bin span=1constructor _time',
    ]) {
      const result = compileSpl(spl);
      assert.equal(result.ok, false, spl);
      if (!result.ok) assert.match(result.diagnostics[0]?.code ?? '', /^SPL/, spl);
    }
  });

  test('a POSIX class named constructor is refused by name', async () => {
    const { compileSpl } = await import('../../../src/spl/plan/compile-spl.ts');
    const result = compileSpl('* | regex host="[[:constructor:]]"');
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.diagnostics[0]?.message ?? '', /constructor/);
  });
});
