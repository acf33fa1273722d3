// The legacy per-channel sourcetype in a search selects events indexed as sourcetype=XmlWinEventLog.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { routeAdmits } from '../../../src/spl/plan/route-filter.ts';
import { compile, runSpl } from '../operators/run-spl.ts';

const LEGACY = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
const sysmon: Event = { sourcetype: 'XmlWinEventLog', source: LEGACY, EventCode: '1', n: 1 };
const legacySysmon: Event = { sourcetype: LEGACY, source: 'somewhere', EventCode: '1', n: 2 };
const security: Event = {
  sourcetype: 'XmlWinEventLog',
  source: 'XmlWinEventLog:Security',
  EventCode: '1',
  n: 3,
};

function numbers(spl: string): unknown[] {
  return runSpl(spl, [sysmon, legacySysmon, security]).map((row) => row['n']);
}

test('sourcetype=<legacy> matches events of either generation, case-insensitively', () => {
  assert.deepEqual(numbers(`sourcetype="${LEGACY}" | table n`), [1, 2]);
  assert.deepEqual(numbers(`sourcetype=${LEGACY.toLowerCase()} | table n`), [1, 2]);
  assert.deepEqual(numbers('sourcetype="XmlWinEventLog:*Sysmon*" | table n'), [1, 2]);
});

test('sourcetype!=<legacy> and sourcetype IN (...) are widened the same way', () => {
  assert.deepEqual(numbers(`sourcetype!="${LEGACY}" | table n`), [3]);
  assert.deepEqual(numbers(`sourcetype IN ("${LEGACY}", other) | table n`), [1, 2]);
});

test('the current sourcetype name and CASE() terms are left as written', () => {
  assert.deepEqual(numbers('sourcetype=XmlWinEventLog | table n'), [1, 3]);
  assert.deepEqual(numbers(`sourcetype=CASE(${LEGACY}) | table n`), [2]);
});

test('the route filter of a legacy-sourcetype search admits current-convention events', () => {
  const plan = compile(`sourcetype="${LEGACY}" EventCode=1`);
  assert.equal(routeAdmits(plan.route, sysmon), true);
  assert.equal(routeAdmits(plan.route, security), false);
});
