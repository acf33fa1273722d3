// Plans: field needs, the route filter, shared events, reuse, generating plans, diagnostics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { defineMacro, macroLibrary } from '../../../src/spl/macros/macro.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import { routeAdmits } from '../../../src/spl/plan/route-filter.ts';
import { compile } from '../operators/run-spl.ts';

const fields = (spl: string) => {
  const f = compile(spl).fields;
  return f === 'all' ? 'all' : [...f].sort();
};

describe('field needs', () => {
  const cases: [string, string[] | 'all'][] = [
    ['index=x EventCode=1 | table host, Image', ['EventCode', 'Image', 'host', 'index']],
    ['index=x | eval a=lower(Image) | stats count by a host', ['Image', 'host', 'index']],
    [
      'index=x | eval Image=lower(Image) | where Image="x" | table host',
      ['Image', 'host', 'index'],
    ],
    ['index=x | rename Computer AS dest | stats count by dest', ['Computer', 'index']],
    ['index=x | stats count min(_time) as first by user', ['_time', 'index', 'user']],
    ['index=x | fields user | sort user', ['_raw', '_time', 'index', 'user']],
    ['index=x EventCode=1', 'all'],
    ['index=x | table proc_*', 'all'],
    ['index=x "mimikatz" | stats count', ['_raw', 'index']],
    [
      'index=x | rex field=CommandLine "(?<flag>-enc)" | stats count by flag',
      ['CommandLine', 'flag', 'index'],
    ],
  ];
  for (const [spl, expected] of cases) test(spl, () => assert.deepEqual(fields(spl), expected));

  test('needsRaw: bare terms and rex without field= read _raw', () => {
    assert.equal(compile('index=x | table host').needsRaw, false);
    assert.equal(compile('index=x mimikatz | table host').needsRaw, true);
    assert.equal(compile('index=x | rex "(?<u>\\w+)" | table u').needsRaw, true);
  });
});

describe('route filter', () => {
  test('the seed 000 shape: index and EventCode with the legacy sourcetype or its current form', () => {
    const plan = compile(
      'index=wineventlog sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 (Image="*\\\\code.exe" OR CommandLine="*tunnel*") | table host',
    );
    const index = { field: 'index', values: ['wineventlog'], wildcard: false };
    const eventCode = { field: 'EventCode', values: ['1'], wildcard: false };
    const legacy = 'xmlwineventlog:microsoft-windows-sysmon/operational';
    assert.deepEqual(plan.route, {
      kind: 'alternatives',
      alternatives: [
        [index, { field: 'sourcetype', values: [legacy], wildcard: false }, eventCode],
        [
          index,
          { field: 'sourcetype', values: ['xmlwineventlog'], wildcard: false },
          { field: 'source', values: [legacy], wildcard: false },
          eventCode,
        ],
      ],
    });
  });
  test('OR across fields gives alternatives; NOT and other fields add nothing', () => {
    const plan = compile('(sourcetype=A OR source=B*) EventID IN (1, 7) NOT index=z user=bob');
    assert.deepEqual(
      plan.route.kind === 'alternatives'
        ? plan.route.alternatives.map((a) => a.map((c) => `${c.field}=${c.values.join('|')}`))
        : plan.route,
      [
        ['sourcetype=a', 'EventID=1|7'],
        ['source=b*', 'EventID=1|7'],
      ],
    );
  });
  test('routeAdmits: case-insensitive, wildcards, numbers compare as numbers', () => {
    const plan = compile('(sourcetype=XmlWinEventLog OR source="*Sysmon*") EventCode=1');
    const admits = (e: Event) => routeAdmits(plan.route, e);
    assert.equal(admits({ sourcetype: 'xmlwineventlog', EventCode: '1' }), true);
    assert.equal(
      admits({ source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 1 }),
      true,
    );
    assert.equal(admits({ sourcetype: 'other', EventCode: '1' }), false);
    assert.equal(admits({ sourcetype: 'XmlWinEventLog', EventCode: '4688' }), false);
  });
  test('no leading search: any; generating: none', () => {
    assert.deepEqual(compile('* | stats count').route, { kind: 'any' });
    assert.deepEqual(compile('| makeresults').route, { kind: 'none' });
    assert.equal(compile('| makeresults').generating, true);
  });
});

describe('runs', () => {
  test("two plans over the same shared events do not see each other's changes", () => {
    const events: Event[] = [{ host: 'a', n: '1' }];
    const a = compile('* | eval host="changed" | table host');
    const b = compile('* | table host n');
    const outA: Event[] = [];
    const outB: Event[] = [];
    const runA = a.start({ emit: (rows) => outA.push(...rows) });
    const runB = b.start({ emit: (rows) => outB.push(...rows) });
    runA.push(events);
    runB.push(events);
    runA.finish();
    runB.finish();
    assert.deepEqual(outA, [{ host: 'changed' }]);
    assert.deepEqual(outB, [{ host: 'a', n: '1' }]);
    assert.deepEqual(events, [{ host: 'a', n: '1' }]);
  });
  test('rows appended from an event subsearch are copied before later changes', () => {
    const events: Event[] = [{ host: 'a' }, { host: 'b' }];
    const rows: Event[] = [];
    const run = compile('host=a | eval x=1 | append [search host=b] | eval y=2').start({
      emit: (batch) => rows.push(...batch),
    });
    run.push(events);
    run.finish();
    assert.deepEqual(rows, [
      { host: 'a', x: 1, y: 2 },
      { host: 'b', y: 2 },
    ]);
    assert.deepEqual(events, [{ host: 'a' }, { host: 'b' }]);
  });
  test('a plan is reusable: each start has fresh state', () => {
    const plan = compile('* | stats count');
    for (let i = 0; i < 2; i++) {
      const rows: Event[] = [];
      const run = plan.start({ emit: (batch) => rows.push(...batch) });
      run.push([{ a: '1' }, { a: '2' }]);
      run.finish();
      assert.deepEqual(rows, [{ count: 2 }]);
    }
  });
  test('a run is done once head has its rows and only streaming commands come before it', () => {
    const doneAfter = (spl: string) => {
      const run = compile(spl).start({ emit: () => {} });
      for (let i = 0; i < 5; i++) {
        run.push([{ n: String(i) }, { n: String(i + 100) }]);
        if (run.done) return i;
      }
      return undefined;
    };
    assert.equal(doneAfter('* | eval x=1 | head 3 | stats count'), 1);
    assert.equal(doneAfter('* | where n>0 | head 1'), 0);
    assert.equal(doneAfter('* | sort n | head 1'), undefined);
    assert.equal(doneAfter('* | stats count by n'), undefined);
  });
  test('finish twice and push after finish are errors', () => {
    const run = compile('* | stats count').start({ emit: () => {} });
    run.finish();
    assert.throws(() => run.push([{}]), /push after finish/);
    assert.throws(() => run.finish(), /finish called twice/);
  });
});

describe('compile diagnostics', () => {
  test('an error inside a macro points at the call as written, with a note into the definition', () => {
    const result = compileSpl('index=x | `bad_stats`', {
      macros: macroLibrary([defineMacro('bad_stats', [], 'bin _time bins=3', 'macros.conf:1')]),
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const [d] = result.diagnostics;
    assert.equal(d?.code, 'SPL502');
    assert.equal(d?.source?.text, 'index=x | `bad_stats`');
    assert.deepEqual(d?.span, { start: 10, end: 21 });
    assert.ok((d?.notes ?? []).length > 0, 'a note points into the macro definition');
  });
  test('every problem of every command is reported at once', () => {
    const result = compileSpl('index=x | rex field=x "(?<a>" | bin _time bins=3 | iplocation ip');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.diagnostics.map((d) => d.code),
      ['SPL507', 'SPL502', 'SPL501'],
    );
  });
});
