// The ledger finds an entity by the risk object's spelling first: every spelling, type and scope
// must land where the case-blind key puts it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RiskObjectType } from '../../../src/detection/index.ts';
import type { RiskEvent } from '../../../src/engine/risk/risk-event.ts';
import { RiskLedger } from '../../../src/engine/risk/risk-ledger.ts';
import { riskObjectValues } from '../../../src/engine/risk/risk-object-values.ts';

function risk(object: string, type: RiskObjectType, scope?: string): RiskEvent {
  return {
    time: 100,
    searchName: 'Sigma - R',
    riskObject: object,
    riskObjectType: type,
    ...(scope === undefined ? {} : { scope }),
    riskObjectField: 'User',
    riskScore: 10,
    riskMessage: `R on ${object}`,
    threatObjects: [],
    annotations: { mitreAttack: [], mitreTactics: [], analyticStories: [] },
    description: '',
    result: {},
  };
}

test('spellings of one entity add up in one total, apart by type and scope', () => {
  const ledger = new RiskLedger();
  const events = [
    risk('Alice', 'user'),
    risk('ALICE', 'user'),
    risk('Alice', 'user'),
    risk('alice', 'system'),
    risk('Alice', 'system'),
    risk('SYSTEM', 'user', 'WS-01'),
    risk('SYSTEM', 'user', 'ws-01'),
    risk('system', 'user', 'WS-02'),
    risk('SYSTEM', 'user', 'WS-02'),
    risk('ALICE', 'user'),
  ];
  events.forEach((e, i) => {
    ledger.add(e, i);
  });
  assert.deepEqual(
    ledger
      .totals()
      .map((t) => [t.riskObjectType, t.riskObject, t.scope, t.count])
      .sort((a, b) => String(a).localeCompare(String(b))),
    [
      ['system', 'alice', undefined, 2],
      ['user', 'Alice', undefined, 4],
      ['user', 'SYSTEM', 'WS-01', 2],
      ['user', 'system', 'WS-02', 2],
    ],
  );
  assert.equal(ledger.events, events.length);
  const counts = ledger.entityLedgers().map((e) => {
    let count = 0;
    e.eachInTimeOrder(() => count++);
    return count;
  });
  assert.deepEqual(
    counts.sort((a, b) => a - b),
    [2, 2, 2, 4],
  );
});

test('placeholders raise no risk with or without whitespace around them; long names do', () => {
  const row = {
    a: 'unknown',
    b: '  Unknown\t',
    c: '\u00a0n/a\u00a0',
    d: 'CORP\\someone',
    e: ' CORP\\someone ',
    f: 'null',
  };
  assert.deepEqual(riskObjectValues(row, 'a'), []);
  assert.deepEqual(riskObjectValues(row, 'b'), []);
  assert.deepEqual(riskObjectValues(row, 'c'), []);
  assert.deepEqual(riskObjectValues(row, 'd'), ['CORP\\someone']);
  assert.deepEqual(riskObjectValues(row, 'e'), [' CORP\\someone ']);
  assert.deepEqual(riskObjectValues(row, 'f'), []);
});
