// The report's kept findings live in a spool file (but rows JSON cannot carry): read back, the
// list is exactly the kept findings ranked by risk (equal risk in the order found).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import type { Finding } from '../../../src/engine/hunt/finding.ts';
import { FindingSink, RuleFindings } from '../../../src/engine/hunt/finding-sink.ts';
import { type HuntRule, huntRuleOfSigma } from '../../../src/engine/hunt/hunt-rule.ts';
import { RankedFindings } from '../../../src/engine/hunt/ranked-findings.ts';

function sigmaRule(title: string): HuntRule {
  return huntRuleOfSigma({
    kind: 'rule',
    title,
    tags: [],
    techniques: [],
    tactics: [],
    riskScore: 50,
    source: 'rule.yml',
    events: [],
  } as never);
}

/** Rows with and without a host and a user (risk 0, 50 or 100), and odd values. */
function row(i: number): Event {
  const event: Event = { _time: 1_700_000_000 + i, n: i, text: `line ${i} "quoted"\n` };
  if (i % 3 !== 0) event['host'] = `ws${i % 5}`;
  if (i % 4 === 0) event['User'] = `CORP\\user${i % 7}`;
  if (i % 97 === 0) event['ratio'] = Number.NaN;
  if (i % 11 === 0) event['list'] = ['a', `b${i}`, 3];
  return event;
}

test('kept findings past the first ones per detection are spooled and read back ranked', () => {
  const found: Finding[] = [];
  const sink = new FindingSink({ onFinding: (f) => found.push(f) }, 700);
  const rules = [new RuleFindings(sigmaRule('A')), new RuleFindings(sigmaRule('B'))];
  for (let i = 0; i < 1000; i++) sink.add(rules[i % 7 === 0 ? 1 : 0] as RuleFindings, row(i), i);
  for (const findings of rules) {
    const list = new RankedFindings(findings.rule, findings.held, sink.spool);
    const expected = found
      .filter((f) => f.rule === findings.rule)
      .slice(0, 700)
      .sort((a, b) => b.riskScore - a.riskScore);
    assert.equal(list.length, expected.length);
    assert.deepEqual([...list], expected);
    assert.deepEqual(list.first(3), expected.slice(0, 3));
    assert.ok(new Set(expected.map((f) => f.riskScore)).size > 1);
  }
  // In memory: only the findings whose row has a NaN (every 97th row), which JSON cannot carry.
  const kept = found.filter((f) => f.rule === (rules[0] as RuleFindings).rule).slice(0, 700);
  assert.deepEqual(
    (rules[0] as RuleFindings).held.map((h) => h.finding.fields['n']),
    kept.filter((f) => Number.isNaN(f.fields['ratio'])).map((f) => f.fields['n']),
  );
  sink.spool.close();
});

test('rows of any size and any text are read back from the spool as they were', () => {
  const found: Finding[] = [];
  const sink = new FindingSink({ onFinding: (f) => found.push(f) }, 500);
  const rules = [new RuleFindings(sigmaRule('A')), new RuleFindings(sigmaRule('B'))];
  for (let i = 0; i < 300; i++) {
    const event: Event = {
      _time: 1_700_000_000 + i,
      host: i % 2 === 0 ? 'wś-01' : 'ws-02',
      text: i % 50 === 0 ? `big ${'é€😀'.repeat(3000 + i)}` : `line ${i} ü`,
    };
    // Each event found by both rules (one row, two spooled lines).
    for (const findings of rules)
      sink.add(
        findings,
        event,
        i,
        i % 3 === 0 ? [event] : undefined,
        i % 5 === 0 ? ['ä.evtx'] : undefined,
      );
  }
  for (const findings of rules) {
    const list = new RankedFindings(findings.rule, findings.held, sink.spool);
    const expected = found
      .filter((f) => f.rule === findings.rule)
      .sort((a, b) => b.riskScore - a.riskScore);
    assert.deepEqual([...list], expected);
  }
  sink.spool.close();
});
