// Risk events as the ES risk action creates them from a result row, and their index=risk record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { riskEventRecord } from '../../../src/engine/risk/risk-event.ts';
import { riskEventsOf } from '../../../src/engine/risk/risk-events-of.ts';
import {
  escuSearchName,
  type RiskRule,
  riskRuleOfSigma,
} from '../../../src/engine/risk/risk-rule.ts';

const RULE: RiskRule = {
  searchName: escuSearchName('Test Tunnel CLI'),
  entities: [
    { field: 'dest', type: 'system', score: 60, message: 'Tunnel on $dest$ by $user$' },
    { field: 'user', type: 'user', score: 30, message: 'Tunnel on $dest$ by $user$' },
  ],
  threatObjects: [{ field: 'process', type: 'process' }],
  annotations: {
    mitreAttack: ['T1219.001'],
    mitreTactics: ['Command and Control'],
    analyticStories: ['IDE Tunneling'],
  },
  description: 'A test detection.',
};

test('one risk event per risk object, scored as declared, message filled, threat objects on each', () => {
  const row = { dest: 'ws-01', user: 'CORP\\dana', process: 'code.exe tunnel', count: 1 };
  const events = riskEventsOf(RULE, row, 1_700_000_000);
  assert.deepEqual(
    events.map((e) => [e.riskObject, e.riskObjectType, e.riskScore, e.riskMessage, e.searchName]),
    [
      ['ws-01', 'system', 60, 'Tunnel on ws-01 by CORP\\dana', 'ESCU - Test Tunnel CLI - Rule'],
      ['CORP\\dana', 'user', 30, 'Tunnel on ws-01 by CORP\\dana', 'ESCU - Test Tunnel CLI - Rule'],
    ],
  );
  assert.deepEqual(events[0]?.threatObjects, [{ value: 'code.exe tunnel', type: 'process' }]);
  assert.equal(
    events.reduce((sum, e) => sum + e.riskScore, 0),
    90,
  );
});

const ABSENT_CASES: readonly (readonly [string, Record<string, string | string[]>, number])[] = [
  ['absent user', { dest: 'ws-01' }, 1],
  ['user "null" (fillnull value=null)', { dest: 'ws-01', user: 'null' }, 1],
  ['empty dest', { dest: '', user: 'u' }, 1],
  ['multivalue dest: one event per distinct value', { dest: ['a', 'b', 'a'], user: 'u' }, 3],
  ['neither', {}, 0],
  ['placeholders: "-", "unknown", "N/A", "NULL" are no one', { dest: '-', user: 'unknown' }, 0],
  ['placeholders in any case and spacing', { dest: ' N/A ', user: 'NULL' }, 0],
  ['a placeholder among real values', { dest: ['-', 'ws-01'], user: 'u' }, 2],
];

for (const [name, row, count] of ABSENT_CASES) {
  test(`risk objects: ${name}`, () => {
    assert.equal(riskEventsOf(RULE, row, 0).length, count);
  });
}

test('the index=risk record has the ES fields over the result fields', () => {
  const row = { dest: 'ws-01', user: 'u', process: 'p', risk_score: 999, _raw: 'x' };
  const [risk] = riskEventsOf(RULE, row, 1_700_000_000);
  assert.ok(risk);
  const record = riskEventRecord(risk, 'sid1');
  assert.equal(record['index'], 'risk');
  assert.equal(record['sourcetype'], 'stash');
  assert.equal(record['source'], 'ESCU - Test Tunnel CLI - Rule');
  assert.equal(record['search_name'], 'ESCU - Test Tunnel CLI - Rule');
  assert.equal(
    record['risk_score'],
    60,
    'the risk fields win over a result field of the same name',
  );
  assert.equal(record['risk_object'], 'ws-01');
  assert.equal(record['risk_object_type'], 'system');
  assert.equal(record['annotations.mitre_attack'], 'T1219.001');
  assert.equal(record['annotations.mitre_attack.mitre_tactic'], 'Command and Control');
  assert.equal(record['analyticstories'], 'IDE Tunneling');
  assert.equal(record['threat_object'], 'p');
  assert.equal(record['_time'], 1_700_000_000);
  assert.equal(record['_raw'], undefined, 'internal result fields are not copied');
  assert.equal(record['dest'], 'ws-01');
});

test('Sigma rules raise risk on host and user, scored by level', () => {
  const rule = riskRuleOfSigma({
    title: 'Susp',
    riskScore: 75,
    techniques: ['T1059'],
    tactics: ['execution'],
  });
  const events = riskEventsOf(rule, { host: 'h1', User: 'CORP\\x', Image: 'a.exe' }, 5);
  assert.deepEqual(
    events.map((e) => [e.riskObject, e.riskObjectType, e.riskScore, e.riskMessage, e.searchName]),
    [
      ['h1', 'system', 75, 'Susp on h1', 'Sigma - Susp'],
      ['CORP\\x', 'user', 75, 'Susp on h1', 'Sigma - Susp'],
    ],
  );
});

const SIGMA = riskRuleOfSigma({
  title: 'Susp',
  riskScore: 75,
  techniques: ['T1059'],
  tactics: ['execution'],
});

function users(event: Record<string, string>): string[] {
  return riskEventsOf(SIGMA, event, 5)
    .filter((e) => e.riskObjectType === 'user')
    .map((e) => `${e.riskObjectField}=${e.riskObject}${e.scope ? ` on ${e.scope}` : ''}`);
}

test('Sigma findings take the user that fits the event: logon target, else Sysmon User, else subject', () => {
  const logon = {
    host: 'dc1',
    EventID: '4624',
    SubjectUserName: 'DC1$',
    TargetUserName: 'alice',
  };
  assert.deepEqual(users(logon), ['TargetUserName=alice']);
  assert.deepEqual(users({ ...logon, EventID: '4625' }), ['TargetUserName=alice']);
  assert.deepEqual(users({ ...logon, EventID: '4688' }), ['SubjectUserName=DC1$ on dc1']);
  assert.deepEqual(users({ host: 'ws', EventID: '1', User: 'CORP\\bob' }), ['User=CORP\\bob']);
  // A logon with no target name falls back to its subject.
  assert.deepEqual(users({ host: 'dc1', EventID: '4624', SubjectUserName: 'carol' }), [
    'SubjectUserName=carol',
  ]);
  assert.deepEqual(users({ host: 'ws', EventID: '4624', TargetUserName: '-' }), []);
});

test('generic accounts are scoped to their host; people are not', () => {
  for (const account of [
    'NT AUTHORITY\\SYSTEM',
    'SYSTEM',
    'LOCAL SERVICE',
    'NT AUTHORITY\\NETWORK SERVICE',
    'ANONYMOUS LOGON',
    'WS-0417$',
    'Window Manager\\DWM-1',
  ]) {
    assert.deepEqual(users({ host: 'ws1', User: account }), [`User=${account} on ws1`], account);
  }
  assert.deepEqual(users({ host: 'ws1', User: 'CORP\\systemadmin' }), ['User=CORP\\systemadmin']);
  // ESCU rows: the scope is the row's dest when it has no host.
  const [scoped] = riskEventsOf(RULE, { dest: 'ws-01', user: 'NT AUTHORITY\\SYSTEM' }, 0).filter(
    (e) => e.riskObjectType === 'user',
  );
  assert.equal(scoped?.scope, 'ws-01');
  assert.equal(riskEventRecord(scoped as never, 'sid')['risk_object_scope'], 'ws-01');
});

test('risk objects and records with fields named like Object.prototype members', () => {
  const rule: RiskRule = {
    ...RULE,
    entities: [{ field: 'constructor', type: 'user', score: 10, message: 'by $__proto__$' }],
    threatObjects: [{ field: 'toString', type: 'process' }],
  };
  assert.equal(riskEventsOf(rule, { dest: 'ws-01' }, 0).length, 0);
  const row = JSON.parse('{"constructor":"u1","__proto__":["x","y"],"toString":"t"}') as Record<
    string,
    string
  >;
  const [risk] = riskEventsOf(rule, row, 0);
  assert.ok(risk);
  assert.equal(risk.riskObject, 'u1');
  assert.equal(risk.riskMessage, 'by x, y');
  assert.deepEqual(risk.threatObjects, [{ value: 't', type: 'process' }]);
  const record = riskEventRecord(risk, 'sid1');
  assert.equal(Object.getPrototypeOf(record), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(record, 'constructor')?.value, 'u1');
  // `__proto__` starts with `_`: an internal field, not copied (and never the prototype).
  assert.equal(Object.hasOwn(record, '__proto__'), false);
});
