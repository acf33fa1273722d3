// Findings of rule matches: identity, ATT&CK tags, risk score by level.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileSigmaRules,
  createSigmaMatcher,
  findingOfMatch,
  LEVEL_RISK_SCORE,
} from '../../src/sigma/index.ts';
import { loadText, processRule, sysmonProcess } from './sigma-test-kit.ts';

test('level → risk score', () =>
  assert.deepEqual(LEVEL_RISK_SCORE, {
    informational: 10,
    low: 25,
    medium: 50,
    high: 75,
    critical: 100,
  }));

test('a finding carries the rule identity, its ATT&CK tags and the event', () => {
  const set = loadText(
    processRule(
      `    sel:\n        CommandLine|contains: whoami\n    condition: sel`,
      'tags: [attack.discovery, attack.t1033, attack.g0016, cve.2021-1234]\n',
    ),
  );
  const matcher = createSigmaMatcher(compileSigmaRules(set));
  const event = sysmonProcess({ CommandLine: 'whoami /all' });
  const match = matcher.match(event)[0];
  assert.ok(match);
  const finding = findingOfMatch(match, event);
  assert.equal(finding.document, match.rule);
  assert.deepEqual(
    { ...finding, source: undefined, document: undefined },
    {
      kind: 'rule',
      document: undefined,
      id: '11111111-2222-4333-8444-555555555555',
      title: 'Test rule',
      level: 'high',
      status: 'test',
      tags: ['attack.discovery', 'attack.t1033', 'attack.g0016', 'cve.2021-1234'],
      techniques: ['T1033'],
      tactics: ['discovery'],
      riskScore: 75,
      source: undefined,
      events: [event],
    },
  );
});
