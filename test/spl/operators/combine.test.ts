// lookup, inputlookup, makeresults, search subsearches, join, append, appendpipe, top, rare, addtotals.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import { compileErrors, runSpl } from './run-spl.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-ops-'));
writeFileSync(
  path.join(dir, 'tools.csv'),
  'tool,category,vendor\ncode.exe,ide,Microsoft\n*tunnel*,tunnel,\nngrok.exe,tunnel,ngrok\n',
);
writeFileSync(
  path.join(dir, 'tools_wild.yml'),
  "name: tools_wild\nfilename: tools.csv\nmatch_type: WILDCARD(tool)\ncase_sensitive_match: 'false'\nmin_matches: 1\ndefault_match: 'none'\n",
);
writeFileSync(path.join(dir, 'iocs.csv'), 'Image\nC:\\bad.exe\nC:\\worse.exe\n');
const { lookups } = loadSearchLibrary({ lookups: [dir] });

const EVENTS: Event[] = [
  { id: '1', host: 'a', proc: 'code.exe', Image: 'C:\\bad.exe', n: '3' },
  { id: '2', host: 'b', proc: 'DEVTUNNEL.EXE', Image: 'C:\\ok.exe', n: '4' },
  { id: '3', host: 'a', proc: 'calc.exe', Image: 'C:\\worse.exe' },
];

describe('lookup', () => {
  test('exact, by file name, OUTPUT with AS', () => {
    assert.deepEqual(
      runSpl('* | lookup tools.csv tool AS proc OUTPUT category AS cat | table id cat', EVENTS, {
        lookups,
      }),
      [{ id: '1', cat: 'ide' }, { id: '2' }, { id: '3' }],
    );
  });
  test('a definition with WILDCARD, case-insensitive, default_match; OUTPUTNEW', () => {
    assert.deepEqual(
      runSpl(
        '* | eval cat=if(id=="1", "kept", null()) | lookup tools_wild tool AS proc OUTPUTNEW category AS cat | table id cat',
        EVENTS,
        { lookups },
      ),
      [
        { id: '1', cat: 'kept' },
        { id: '2', cat: 'tunnel' },
        { id: '3', cat: 'none' },
      ],
    );
  });
  test('an unknown lookup or column is a compile error pointing at it', () => {
    const [unknown] = compileErrors('* | lookup nope x', { lookups });
    assert.equal(unknown?.code, 'LKP301');
    assert.deepEqual(unknown?.span, { start: 11, end: 15 });
    const [column] = compileErrors('* | lookup tools.csv tool AS proc OUTPUT colour', { lookups });
    assert.equal(column?.code, 'LKP304');
  });
});

describe('generating commands and subsearches', () => {
  test('inputlookup gives the table rows; where filters them; append=t adds them at the end', () => {
    assert.deepEqual(
      runSpl('| inputlookup tools.csv where category=tunnel | table tool', [], { lookups }),
      [{ tool: '*tunnel*' }, { tool: 'ngrok.exe' }],
    );
    assert.deepEqual(
      runSpl('* | table id | inputlookup append=t iocs.csv', EVENTS.slice(0, 1), { lookups }),
      [{ id: '1' }, { Image: 'C:\\bad.exe' }, { Image: 'C:\\worse.exe' }],
    );
  });
  test('makeresults makes count rows at the search start time', () => {
    assert.deepEqual(runSpl('| makeresults count=2 | eval x=1', [], { now: 100 }), [
      { _time: 100, x: 1 },
      { _time: 100, x: 1 },
    ]);
  });
  test('makeresults N is count=N (SPL2 spelling, used by the searchmatch page); not both', () => {
    assert.deepEqual(runSpl('| makeresults 3 | eval x=1', [], { now: 100 }), [
      { _time: 100, x: 1 },
      { _time: 100, x: 1 },
      { _time: 100, x: 1 },
    ]);
    assert.equal(runSpl('| makeresults 0', []).length, 0);
    const [d] = compileErrors('| makeresults 2 count=3');
    assert.equal(d?.code, 'SPL104');
    assert.equal(compileErrors('| makeresults 2000000')[0]?.code, 'SPL503');
  });
  test('a generating subsearch in the search clause becomes field=value terms', () => {
    assert.deepEqual(runSpl('[| inputlookup iocs.csv] | table id', EVENTS, { lookups }), [
      { id: '1' },
      { id: '3' },
    ]);
    assert.deepEqual(
      runSpl('NOT [| inputlookup iocs.csv | fields Image] | table id', EVENTS, { lookups }),
      [{ id: '2' }],
    );
  });
  test('a subsearch that reads events cannot filter a search (one pass)', () => {
    const [d] = compileErrors('host=a [search host=b | fields Image]');
    assert.equal(d?.code, 'SPL506');
  });
});

describe('join, append, appendpipe', () => {
  test('join with an event subsearch: inner by default, left keeps unmatched, max=1', () => {
    const events: Event[] = [
      { kind: 'logon', user: 'u1', ip: '1.1.1.1' },
      { kind: 'proc', user: 'u1', proc: 'a.exe' },
      { kind: 'proc', user: 'u2', proc: 'b.exe' },
      { kind: 'logon', user: 'u1', ip: '2.2.2.2' },
    ];
    assert.deepEqual(
      runSpl(
        'kind=proc | join user [search kind=logon | fields user ip] | table user proc ip',
        events,
      ),
      [{ user: 'u1', proc: 'a.exe', ip: '1.1.1.1' }],
    );
    assert.deepEqual(
      runSpl(
        'kind=proc | join type=left max=0 user [search kind=logon | fields user ip] | table user proc ip',
        events,
      ),
      [
        { user: 'u1', proc: 'a.exe', ip: '1.1.1.1' },
        { user: 'u1', proc: 'a.exe', ip: '2.2.2.2' },
        { user: 'u2', proc: 'b.exe' },
      ],
    );
  });
  test('append adds the subsearch results after; appendpipe runs over the results so far', () => {
    assert.deepEqual(runSpl('host=a | table id | append [search host=b | table id]', EVENTS), [
      { id: '1' },
      { id: '3' },
      { id: '2' },
    ]);
    assert.deepEqual(
      runSpl(
        '* | stats count by host | appendpipe [stats sum(count) as count | eval host="all"]',
        EVENTS,
      ),
      [
        { host: 'a', count: 2 },
        { host: 'b', count: 1 },
        { count: 3, host: 'all' },
      ],
    );
  });
});

describe('top, rare, addtotals', () => {
  const events: Event[] = ['x', 'y', 'x', 'z', 'x', 'y'].map((v, i) => ({
    v,
    g: i < 3 ? 'A' : 'B',
    n: String(i),
  }));
  test('top: most common first, with count and percent as %f prints it (50.000000); limit', () => {
    assert.deepEqual(runSpl('* | top limit=2 v', events), [
      { v: 'x', count: 3, percent: '50.000000' },
      { v: 'y', count: 2, percent: '33.333333' },
    ]);
    assert.deepEqual(runSpl('* | rare v by g', events).slice(0, 2), [
      { g: 'A', v: 'y', count: 1, percent: '33.333333' },
      { g: 'A', v: 'x', count: 2, percent: '66.666667' },
    ]);
  });
  test('rare by a group, countfield and showperc', () => {
    assert.deepEqual(runSpl('* | rare v by g countfield=c showperc=f', events), [
      { g: 'A', v: 'y', c: 1 },
      { g: 'A', v: 'x', c: 2 },
      { g: 'B', v: 'z', c: 1 },
      { g: 'B', v: 'x', c: 1 },
      { g: 'B', v: 'y', c: 1 },
    ]);
  });
  test('addtotals sums numeric fields per row, col=t adds a totals row', () => {
    assert.deepEqual(
      runSpl('* | addtotals col=t labelfield=name a b', [
        { a: '1', b: '2', name: 'r1' },
        { a: '3', b: 'x', name: 'r2' },
      ]),
      [
        { a: '1', b: '2', name: 'r1', Total: 3 },
        { a: '3', b: 'x', name: 'r2', Total: 3 },
        { a: 4, b: 2, Total: 6, name: 'Total' },
      ],
    );
  });
});

describe('refused commands', () => {
  const cases: [string, string, string][] = [
    ['| tstats count from datamodel=Endpoint.Processes', 'SPL501', 'tstats'],
    ['index=x | iplocation src', 'SPL501', 'iplocation'],
    ['index=x | map search="search index=y"', 'SPL501', 'map'],
    ['index=x | outputlookup x.csv', 'SPL501', 'outputlookup'],
    ['index=x | apply model', 'SPL501', 'apply'],
  ];
  for (const [spl, code, command] of cases) {
    test(`${command} is refused with a diagnostic naming it, under the command name`, () => {
      const [d] = compileErrors(spl);
      assert.equal(d?.code, code);
      assert.match(d?.message ?? '', new RegExp(`unsupported command "${command}"`));
      assert.equal(spl.slice(d?.span?.start, d?.span?.end), command);
    });
  }
});
