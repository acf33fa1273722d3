// Risk totals per entity and risk incidents: the window and threshold of ES's default risk incident rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RiskEvent } from '../../../src/engine/risk/risk-event.ts';
import {
  DEFAULT_INCIDENT_OPTIONS,
  findIncidents,
} from '../../../src/engine/risk/risk-incidents.ts';
import { RiskLedger } from '../../../src/engine/risk/risk-ledger.ts';

const HOUR = 3600;

let searches = 0;

/** A risk event; each from its own detection unless `search` is given. */
function risk(
  object: string,
  score: number,
  time: number,
  search = `ESCU - R${++searches} - Rule`,
): RiskEvent {
  return {
    time,
    searchName: search,
    riskObject: object,
    riskObjectType: 'system',
    riskObjectField: 'dest',
    riskScore: score,
    riskMessage: `${search} on ${object}`,
    threatObjects: [],
    annotations: { mitreAttack: [], mitreTactics: [], analyticStories: [] },
    description: '',
    result: {},
  };
}

function ledgerOf(events: readonly RiskEvent[]): RiskLedger {
  const ledger = new RiskLedger();
  events.forEach((e, i) => {
    ledger.add(e, i);
  });
  return ledger;
}

test('totals add every risk event of an entity, whatever the case of its name, highest first', () => {
  const ledger = ledgerOf([risk('WS-01', 40, 0), risk('ws-01', 40, 10), risk('ws-02', 100, 5)]);
  assert.deepEqual(
    ledger.totals().map((t) => [t.riskObject, t.total, t.count, t.firstTime, t.lastTime]),
    [
      ['ws-02', 100, 1, 5, 5],
      ['WS-01', 80, 2, 0, 10],
    ],
  );
});

test('the default is ES: more than 100 within 24 hours', () => {
  assert.deepEqual(DEFAULT_INCIDENT_OPTIONS, { threshold: 100, windowSeconds: 86_400 });
});

const CASES: readonly {
  readonly name: string;
  readonly events: readonly RiskEvent[];
  /** [object, peak, contributions] per incident. */
  readonly incidents: readonly (readonly [string, number, number])[];
}[] = [
  {
    name: 'exactly the threshold is not over it',
    events: [risk('a', 60, 0), risk('a', 40, HOUR)],
    incidents: [],
  },
  {
    name: 'crossing within the window',
    events: [risk('a', 60, 0), risk('a', 41, 23 * HOUR)],
    incidents: [['a', 101, 2]],
  },
  {
    name: 'the same scores further apart than the window',
    events: [risk('a', 60, 0), risk('a', 41, 25 * HOUR)],
    incidents: [],
  },
  {
    name: 'the window edge is inclusive (24 h apart counts)',
    events: [risk('a', 60, 0), risk('a', 41, 24 * HOUR)],
    incidents: [['a', 101, 2]],
  },
  {
    name: 'later events while over the threshold join the incident',
    events: [risk('a', 80, 0), risk('a', 40, HOUR), risk('a', 40, 2 * HOUR)],
    incidents: [['a', 160, 3]],
  },
  {
    name: 'falling back under the threshold, then crossing again, is a new incident',
    events: [risk('a', 101, 0), risk('a', 101, 48 * HOUR)],
    incidents: [
      ['a', 101, 1],
      ['a', 101, 1],
    ],
  },
  {
    name: 'events in any order are windowed by time',
    events: [risk('a', 41, 23 * HOUR), risk('a', 60, 0)],
    incidents: [['a', 101, 2]],
  },
  {
    name: 'entities are windowed apart',
    events: [risk('a', 60, 0), risk('b', 60, 0)],
    incidents: [],
  },
];

for (const { name, events, incidents } of CASES) {
  test(`incidents: ${name}`, () => {
    const found = findIncidents(ledgerOf(events).entityLedgers());
    assert.deepEqual(
      found.map((i) => [i.riskObject, i.peakTotal, i.contributions.length]),
      incidents,
    );
  });
}

test('an incident lists its contributing findings and detections, in time order', () => {
  const events = [
    risk('a', 50, 2 * HOUR, 'ESCU - B - Rule'),
    risk('a', 60, HOUR, 'ESCU - A - Rule'),
  ];
  const [incident] = findIncidents(ledgerOf(events).entityLedgers());
  assert.ok(incident);
  assert.deepEqual(
    incident.contributions.map((c) => [c.finding, c.searchName, c.score]),
    [
      [1, 'ESCU - A - Rule', 60],
      [0, 'ESCU - B - Rule', 50],
    ],
  );
  assert.deepEqual(incident.searchNames, ['ESCU - A - Rule', 'ESCU - B - Rule']);
  assert.equal(incident.start, HOUR);
  assert.equal(incident.end, 2 * HOUR);
});

test('threshold and window are settable', () => {
  const events = [risk('a', 30, 0), risk('a', 30, 2 * HOUR)];
  assert.equal(
    findIncidents(ledgerOf(events).entityLedgers(), { threshold: 50, windowSeconds: HOUR }).length,
    0,
  );
  assert.equal(
    findIncidents(ledgerOf(events).entityLedgers(), { threshold: 50, windowSeconds: 3 * HOUR })
      .length,
    1,
  );
});

test('repeats of one detection on one entity within the window count once toward incidents, counted', () => {
  const burst = Array.from({ length: 93 }, (_, i) => risk('a', 50, i, 'Sigma - Remote Thread'));
  // 93 x 50 is not 4,650 of risk in a day: it is one thing that happened, 50.
  assert.deepEqual(findIncidents(ledgerOf(burst).entityLedgers()), []);
  const [incident] = findIncidents(
    ledgerOf([...burst, risk('a', 60, HOUR, 'Sigma - Other')]).entityLedgers(),
  );
  assert.deepEqual(
    incident?.contributions.map((c) => [c.searchName, c.score, c.repeats]),
    [
      ['Sigma - Remote Thread', 50, 93],
      ['Sigma - Other', 60, 1],
    ],
  );
  assert.equal(incident?.peakTotal, 110);
  // A day later the same detection counts again.
  const later = [risk('a', 60, 0, 'Sigma - X'), risk('a', 60, 25 * HOUR, 'Sigma - X')];
  assert.equal(
    findIncidents(ledgerOf(later).entityLedgers(), { threshold: 100, windowSeconds: 26 * HOUR })
      .length,
    0,
    'within the window: once',
  );
  assert.equal(
    findIncidents(ledgerOf(later).entityLedgers(), { threshold: 59, windowSeconds: 24 * HOUR })
      .length,
    2,
    'outside it: each',
  );
});

test('a generic account is an entity per host; totals stay exact', () => {
  const system = (host: string): RiskEvent => ({
    ...risk('NT AUTHORITY\\SYSTEM', 60, 0),
    riskObjectType: 'user',
    scope: host,
  });
  const ledger = ledgerOf([system('ws-01'), system('ws-02'), system('WS-01')]);
  assert.deepEqual(
    ledger.totals().map((t) => [t.riskObject, t.scope, t.total]),
    [
      ['NT AUTHORITY\\SYSTEM', 'ws-01', 120],
      ['NT AUTHORITY\\SYSTEM', 'ws-02', 60],
    ],
  );
  const [incident] = findIncidents(ledger.entityLedgers());
  assert.equal(incident?.scope, 'ws-01');
});
