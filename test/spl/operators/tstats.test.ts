// tstats over data models computed from events: options, aggregations, WHERE, BY and spans, nulls, prefixes, errors (Search Reference, tstats).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { routeAdmits } from '../../../src/spl/plan/route-filter.ts';
import {
  compileTstats,
  runTstats,
  security,
  spanned,
  sysmon,
  tstatsErrors,
} from './tstats-helpers.ts';

const EVENTS: readonly Event[] = [
  sysmon(1, 1000.25, {
    process_name: 'cmd.exe',
    process: 'cmd.exe /c whoami',
    original_file_name: 'Cmd.Exe',
    user: 'corp\\a',
    parent_process_name: 'explorer.exe',
  }),
  sysmon(1, 1000.75, {
    process_name: 'cmd.exe',
    process: 'cmd.exe /c dir',
    original_file_name: 'Cmd.Exe',
    user: 'corp\\b',
  }),
  sysmon(1, 5000, {
    process_name: 'powershell.exe',
    process: 'powershell.exe -nop',
    user: 'corp\\a',
    process_hash: 'SHA256=AA',
  }),
  sysmon(3, 5001, { dest: '10.0.0.1', dest_port: '443', transport: 'TCP', action: 'allowed' }),
  security(4688, 6000, { process_name: 'whoami.exe', process: 'whoami', user: 'corp\\c' }),
];

const rowsOf = (spl: string, events: readonly Event[] = EVENTS) => runTstats(spl, events).rows;

describe('tstats results', () => {
  test('counts per by-field value, with the dataset-prefixed names, sorted as stats sorts', () => {
    assert.deepEqual(
      rowsOf('| tstats count from datamodel=Endpoint.Processes by Processes.process_name'),
      [
        { 'Processes.process_name': 'cmd.exe', count: 2 },
        { 'Processes.process_name': 'powershell.exe', count: 1 },
        { 'Processes.process_name': 'whoami.exe', count: 1 },
      ],
    );
  });

  test('aggregations as stats computes them, with aliases', () => {
    const [row] = rowsOf(
      '| tstats count min(_time) as firstTime max(_time) as lastTime dc(Processes.user) as users values(Processes.process) as cmds latest(Processes.process_name) from datamodel=Endpoint.Processes where Processes.user="corp\\\\a"',
    );
    assert.deepEqual(row, {
      count: 2,
      firstTime: 1000.25,
      lastTime: 5000,
      users: 1,
      cmds: ['cmd.exe /c whoami', 'powershell.exe -nop'],
      'latest(Processes.process_name)': 'powershell.exe',
    });
  });

  test('no events and no BY: one row, count 0', () => {
    assert.deepEqual(rowsOf('| tstats count from datamodel=Endpoint.Registry'), [{ count: 0 }]);
  });

  test('drop_dm_object_name removes the prefix', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=powershell.exe by Processes.dest Processes.user | `drop_dm_object_name(Processes)`',
      ),
      [{ dest: 'ws1', user: 'corp\\a', count: 1 }],
    );
  });

  test('a multivalue by-field counts the row under each value', () => {
    const dns = [
      sysmon(22, 1, { query: 'a.example', answer: ['1.1.1.1', '2.2.2.2'] }),
      sysmon(22, 2, { query: 'b.example', answer: '1.1.1.1' }),
    ];
    assert.deepEqual(
      rowsOf('| tstats count from datamodel=Network_Resolution by DNS.answer', dns),
      [
        { 'DNS.answer': '1.1.1.1', count: 2 },
        { 'DNS.answer': '2.2.2.2', count: 1 },
      ],
    );
  });

  test("a root dataset's search reaches its children's fields, null outside them", () => {
    const changes = [
      security(4740, 1, { user: 'bob', src_user: 'DC1$', action: 'lockout' }),
      security(1102, 2, { user: 'dana', action: 'cleared' }),
    ];
    assert.deepEqual(
      rowsOf(
        '| tstats `security_content_summariesonly` count from datamodel=Change by All_Changes.user All_Changes.Account_Management.src_user',
        changes,
      ),
      [
        { 'All_Changes.user': 'bob', 'All_Changes.Account_Management.src_user': 'DC1$', count: 1 },
        { 'All_Changes.user': 'dana', 'All_Changes.Account_Management.src_user': 'null', count: 1 },
      ],
    );
  });

  test('Risk.All_Risk reads the risk events of index=risk', () => {
    const risk = (object: string, score: number): Event => ({
      _time: 10,
      index: 'risk',
      source: 'ESCU - X - Rule',
      sourcetype: 'stash',
      risk_object: object,
      risk_score: score,
    });
    assert.deepEqual(
      rowsOf(
        '| tstats sum(All_Risk.calculated_risk_score) as score count from datamodel=Risk.All_Risk by All_Risk.risk_object',
        [risk('ws1', 20), risk('ws1', 30), risk('ws2', 5), ...EVENTS],
      ),
      [
        { 'All_Risk.risk_object': 'ws1', score: 50, count: 2 },
        { 'All_Risk.risk_object': 'ws2', score: 5, count: 1 },
      ],
    );
  });
});

describe('options', () => {
  test('summaries, chunk and reduced-bucket options change nothing: the model is computed from events', () => {
    const plain = rowsOf('| tstats count from datamodel=Endpoint.Processes by Processes.user');
    const tuned = rowsOf(
      '| tstats summariesonly=t allow_old_summaries=t chunk_size=1000 include_reduced_buckets=t local=f count from datamodel=Endpoint.Processes by Processes.user',
    );
    assert.deepEqual(tuned, plain);
  });

  test('without fillnull_value a null by-field drops the row; with it the value stands in', () => {
    const by = 'from datamodel=Endpoint.Processes by Processes.process_hash';
    assert.deepEqual(rowsOf(`| tstats count ${by}`), [
      { 'Processes.process_hash': 'SHA256=AA', count: 1 },
    ]);
    assert.deepEqual(rowsOf(`| tstats \`security_content_summariesonly\` count ${by}`), [
      { 'Processes.process_hash': 'SHA256=AA', count: 1 },
      { 'Processes.process_hash': 'null', count: 3 },
    ]);
  });

  test('the data model fills some fields itself: a missing parent is "unknown", not null', () => {
    assert.deepEqual(
      rowsOf('| tstats count from datamodel=Endpoint.Processes by Processes.parent_process'),
      [{ 'Processes.parent_process': 'unknown', count: 4 }],
    );
  });

  test('prestats=t gives one row per event for the statistics command that follows', () => {
    const prestats = rowsOf(
      '| tstats prestats=t count from datamodel=Endpoint.Processes by Processes.process_name | stats count by Processes.process_name',
    );
    assert.deepEqual(
      prestats,
      rowsOf('| tstats count from datamodel=Endpoint.Processes by Processes.process_name'),
    );
  });

  test('append=t after other commands adds its results to theirs, from the same events', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes | tstats append=t count from datamodel=Network_Traffic',
      ),
      [{ count: 4 }, { count: 1 }],
    );
  });
});

describe('BY _time', () => {
  test('span= puts events in aligned buckets; aggregations see the exact time', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count min(_time) as first from datamodel=Endpoint.Processes where Processes.process_name IN (cmd.exe, powershell.exe) by _time span=1h',
      ),
      [
        { _time: 0, count: 2, first: 1000.25 },
        { _time: 3600, count: 1, first: 5000 },
      ],
    );
  });

  test('without span the group is the whole second', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by _time',
      ),
      [{ _time: 1000, count: 2 }],
    );
  });
});

describe('WHERE', () => {
  test('search syntax over data-model fields: case-insensitive values, wildcards, NOT, IN', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes where Processes.process="CMD*" NOT Processes.user IN ("corp\\\\b") by Processes.user',
      ),
      [{ 'Processes.user': 'corp\\a', count: 1 }],
    );
  });

  test('nested process_* macros expand into the clause', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes where `nested_cmd` by Processes.user',
      ),
      [
        { 'Processes.user': 'corp\\a', count: 1 },
        { 'Processes.user': 'corp\\b', count: 1 },
      ],
    );
  });

  test('`where *` keeps every row of the dataset', () => {
    assert.deepEqual(rowsOf('| tstats count from datamodel=Endpoint.Processes where *'), [
      { count: 4 },
    ]);
  });

  test('inherited fields (sourcetype, host, source) are written without a prefix', () => {
    assert.deepEqual(
      rowsOf('| tstats count from datamodel=Endpoint.Processes where host=dc1 by sourcetype host'),
      [{ sourcetype: 'XmlWinEventLog', host: 'dc1', count: 1 }],
    );
  });

  test('a subsearch that generates its rows is run and spliced in as terms', () => {
    assert.deepEqual(
      rowsOf(
        '| tstats count from datamodel=Endpoint.Processes where [| makeresults | eval Processes.process_name="powershell.exe" | fields Processes.process_name] by Processes.user',
      ),
      [{ 'Processes.user': 'corp\\a', count: 1 }],
    );
  });

  test('nodename narrows to a child dataset', () => {
    const logons = [
      security(4625, 1, { user: 'admin', action: 'failure' }),
      security(4625, 2, { user: 'admin', action: 'failure' }),
      security(4624, 3, { user: 'dana', action: 'success' }),
      security(4624, 4, { user: 'DC1$', action: 'success' }),
    ];
    const spl = (node: string) =>
      `| tstats count from datamodel=Authentication where ${node} by Authentication.user`;
    assert.deepEqual(rowsOf(spl('nodename=Authentication.Failed_Authentication'), logons), [
      { 'Authentication.user': 'admin', count: 2 },
    ]);
    assert.deepEqual(rowsOf(spl('(nodename = Authentication) Authentication.user=d*'), logons), [
      { 'Authentication.user': 'dana', count: 1 },
    ]);
  });
});

describe('fields the dataset does not define', () => {
  test('are null (so fillnull_value fills them), with a warning under the name', () => {
    const { rows, warnings } = runTstats(
      '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.nonsense',
      EVENTS,
    );
    assert.deepEqual(rows, [{ 'Processes.nonsense': 'null', count: 2 }]);
    assert.equal(warnings[0]?.code, 'SPL543');
    assert.equal(warnings[0]?.severity, 'warning');
    assert.equal(spanned(warnings[0]), 'Processes.nonsense');
  });
});

describe('the plan tells a router what it reads', () => {
  test('route: the event types that feed the dataset; fields: only what the search needs', () => {
    const plan = compileTstats(
      '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.user',
    );
    assert.equal(plan.generating, false);
    assert.ok(routeAdmits(plan.route, sysmon(1, 0, {})));
    assert.ok(routeAdmits(plan.route, security(4688, 0, {})));
    assert.ok(!routeAdmits(plan.route, sysmon(3, 0, {})));
    assert.ok(plan.fields !== 'all');
    assert.deepEqual([...plan.fields].sort(), [
      'EventCode',
      'process',
      'process_name',
      'source',
      'user',
    ]);
    assert.equal(plan.needsRaw, false);
  });
});

describe('refused and wrong searches', () => {
  const cases: readonly [string, string, string, string][] = [
    [
      'an unknown data model',
      '| tstats count from datamodel=Endpont.Processes',
      'SPL540',
      'Endpont.Processes',
    ],
    [
      'a model with several root datasets and none named',
      '| tstats count from datamodel=Endpoint',
      'SPL540',
      'Endpoint',
    ],
    [
      'an unknown nodename',
      '| tstats count from datamodel=Authentication where nodename=Authentication.Nope',
      'SPL540',
      'Authentication.Nope',
    ],
    ['no FROM: index-time fields', '| tstats count where index=main by host', 'SPL541', 'tstats'],
    ['FROM a namespace', '| tstats count from mynamespace', 'SPL541', 'from mynamespace'],
    [
      'a bare term in WHERE',
      '| tstats count from datamodel=Endpoint.Processes where mimikatz',
      'SPL542',
      'mimikatz',
    ],
    [
      'an eval expression in an aggregation',
      '| tstats count(eval(Processes.user="x")) from datamodel=Endpoint.Processes',
      'SPL544',
      'count(eval(Processes.user="x"))',
    ],
    [
      'a WHERE subsearch that reads events',
      '| tstats count from datamodel=Endpoint.Processes where [search index=x | fields user]',
      'SPL506',
      '[search index=x | fields user]',
    ],
    [
      'nodename inside an OR',
      '| tstats count from datamodel=Authentication where nodename=Authentication OR Authentication.user=x',
      'SPL544',
      'nodename=Authentication',
    ],
  ];
  for (const [title, spl, code, under] of cases) {
    test(`${title}: ${code}`, () => {
      const [d] = tstatsErrors(spl);
      assert.equal(d?.code, code, d?.message);
      assert.equal(spanned(d), under);
    });
  }

  test('compiled without data models, tstats is an unsupported command (SPL501)', () => {
    const [d] = tstatsErrors('| tstats count from datamodel=Endpoint.Processes', false);
    assert.equal(d?.code, 'SPL501');
    assert.equal(spanned(d), 'tstats');
  });
});
