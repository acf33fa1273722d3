// The correlation stage: each correlation type, grouping, aliases, chaining, and its bounds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import {
  compileSigmaRules,
  createCorrelationStage,
  createSigmaMatcher,
  findingOfCorrelation,
} from '../../../src/sigma/index.ts';
import { allDiagnostics, loadText, SYSMON } from '../sigma-test-kit.ts';

const BASE = `title: Failed logon
name: failed
logsource: {product: windows, service: security}
detection:
    sel:
        EventID: 4625
    condition: sel
---
title: Logon
name: success
logsource: {product: windows, service: security}
detection:
    sel:
        EventID: 4624
    condition: sel
`;

function stageFor(correlation: string, options = {}) {
  const set = loadText(`${BASE}---\n${correlation}`);
  assert.deepEqual(
    allDiagnostics(set).filter((d) => d.severity === 'error'),
    [],
  );
  const compiled = compileSigmaRules(set);
  const matcher = createSigmaMatcher(compiled);
  const stage = createCorrelationStage(compiled, options);
  return {
    stage,
    /** Feeds events; returns "title:value@time" of every hit (and of the flush at the end). */
    run(events: readonly Event[]): string[] {
      const hits = events.flatMap((e) => stage.push(e, matcher.match(e)));
      return [...hits, ...stage.flush()].map((h) => `${h.correlation.title}:${h.value}@${h.time}`);
    },
    matcher,
  };
}

const logon = (id: '4624' | '4625', time: number, user = 'alice', host = 'ws1'): Event => ({
  Channel: 'Security',
  EventID: id,
  _time: time,
  TargetUserName: user,
  Computer: host,
  IpAddress: `10.0.0.${time % 7}`,
  Bytes: String(time),
});

describe('event_count', () => {
  const correlation = `title: Brute force
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 60s
    condition: {gte: 3}
level: high
tags: [attack.credential-access, attack.t1110]`;
  test('fires on the third event within the sliding window, then starts over', () => {
    const { run } = stageFor(correlation);
    assert.deepEqual(
      run([logon('4625', 0), logon('4625', 50), logon('4625', 100), logon('4625', 110)]),
      ['Brute force:3@110'],
    );
  });
  test('groups are separate', () => {
    const { run } = stageFor(correlation);
    assert.deepEqual(
      run([logon('4625', 0, 'a'), logon('4625', 1, 'b'), logon('4625', 2, 'a')]),
      [],
    );
  });
  test('events without the group-by field are not counted', () => {
    const { run, stage } = stageFor(correlation);
    const e = logon('4625', 0);
    delete e['TargetUserName'];
    assert.deepEqual(run([e, e, e]), []);
    assert.equal(stage.stats.ungrouped, 3);
  });
  test('findings carry the correlation metadata and risk', () => {
    const { stage, matcher } = stageFor(correlation);
    const hits = [0, 1, 2].flatMap((t) =>
      stage.push(logon('4625', t), matcher.match(logon('4625', t))),
    );
    const finding = findingOfCorrelation(hits[0] as NonNullable<(typeof hits)[0]>);
    assert.deepEqual(
      {
        kind: finding.kind,
        level: finding.level,
        risk: finding.riskScore,
        tactics: finding.tactics,
        techniques: finding.techniques,
        group: finding.group,
        events: finding.events.length,
      },
      {
        kind: 'correlation',
        level: 'high',
        risk: 75,
        tactics: ['credential-access'],
        techniques: ['T1110'],
        group: { TargetUserName: 'alice' },
        events: 3,
      },
    );
  });
  test('lt is judged on complete windows', () => {
    const { run } = stageFor(correlation.replace('{gte: 3}', '{lt: 2}'));
    assert.deepEqual(run([logon('4625', 0), logon('4625', 100), logon('4625', 105)]), [
      'Brute force:1@100',
    ]);
  });
  test('a range (gt and lte) is judged on complete windows', () => {
    const { run } = stageFor(correlation.replace('{gte: 3}', '{gt: 1, lte: 2}'));
    assert.deepEqual(run([logon('4625', 0), logon('4625', 10), logon('4625', 200)]), [
      'Brute force:2@200',
    ]);
  });
});

test('value_count counts distinct values', () => {
  const { run } = stageFor(`title: Spray
correlation:
    type: value_count
    rules: [failed]
    group-by: [Computer]
    timespan: 10m
    condition: {gte: 3, field: TargetUserName}`);
  assert.deepEqual(
    run([
      logon('4625', 0, 'a'),
      logon('4625', 1, 'a'),
      logon('4625', 2, 'b'),
      logon('4625', 3, 'c'),
    ]),
    ['Spray:3@3'],
  );
});

test('value_sum and value_avg', () => {
  const sum = stageFor(`title: Sum
correlation:
    type: value_sum
    rules: [failed]
    group-by: [Computer]
    timespan: 10m
    condition: {gt: 10, field: Bytes}`);
  assert.deepEqual(sum.run([logon('4625', 4), logon('4625', 5), logon('4625', 6)]), ['Sum:15@6']);
});

describe('temporal', () => {
  const correlation = `title: Fail then success
correlation:
    type: temporal
    rules: [failed, success]
    group-by: [TargetUserName]
    timespan: 60s`;
  test('all rules within the timespan, any order', () => {
    const { run } = stageFor(correlation);
    assert.deepEqual(run([logon('4624', 0), logon('4625', 30)]), ['Fail then success:2@30']);
  });
  test('too far apart', () => {
    const { run } = stageFor(correlation);
    assert.deepEqual(run([logon('4624', 0), logon('4625', 90)]), []);
  });
  test('a condition expression', () => {
    const { run } = stageFor(
      correlation.replace('group-by', 'condition: failed and not success\n    group-by'),
    );
    assert.deepEqual(run([logon('4625', 0)]), ['Fail then success:1@0']);
  });
});

describe('temporal_ordered', () => {
  const correlation = `title: Ordered
correlation:
    type: temporal_ordered
    rules: [failed, success]
    group-by: [TargetUserName]
    timespan: 60s`;
  test('in order', () =>
    assert.deepEqual(stageFor(correlation).run([logon('4625', 0), logon('4624', 10)]), [
      'Ordered:2@10',
    ]));
  test('out of order', () =>
    assert.deepEqual(stageFor(correlation).run([logon('4624', 0), logon('4625', 10)]), []));
});

test('aliases map a group-by name onto each rule own field', () => {
  const { run } = stageFor(`title: Aliased
correlation:
    type: temporal
    rules: [failed, success]
    aliases:
        who:
            failed: TargetUserName
            success: SubjectUserName
    group-by: [who]
    timespan: 60s`);
  const success = { ...logon('4624', 5), SubjectUserName: 'alice', TargetUserName: 'other' };
  assert.deepEqual(run([logon('4625', 0), success]), ['Aliased:2@5']);
});

test('chained correlations: a correlation of correlations', () => {
  const { run } = stageFor(`title: Many failures
name: many_failures
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 60s
    condition: {gte: 2}
---
title: Failures then success
correlation:
    type: temporal_ordered
    rules: [many_failures, success]
    group-by: [TargetUserName]
    timespan: 120s`);
  assert.deepEqual(run([logon('4625', 0), logon('4625', 1), logon('4624', 30)]), [
    'Many failures:2@1',
    'Failures then success:2@30',
  ]);
});

test('groups are bounded: the least recently updated is dropped and counted', () => {
  const { run, stage } = stageFor(
    `title: Bounded
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 600s
    condition: {gte: 2}`,
    { maxGroups: 2 },
  );
  assert.deepEqual(
    run([
      logon('4625', 0, 'a'),
      logon('4625', 1, 'b'),
      logon('4625', 2, 'c'),
      logon('4625', 3, 'a'),
    ]),
    [],
  );
  assert.equal(stage.stats.evictedGroups, 2);
});

test('past the memory budget the correlation stops, reported; rule matches go on', () => {
  const { stage, matcher } = stageFor(
    `title: Spray
correlation:
    type: value_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 1d
    condition: {gte: 1000, field: IpAddress}`,
    { maxMemoryBytes: 1024 * 1024 },
  );
  const started = performance.now();
  let matched = 0;
  for (let i = 0; i < 100_000; i++) {
    const event = logon('4625', i, `user-${i}`);
    const matches = matcher.match(event);
    matched += matches.length;
    stage.push(event, matches);
  }
  assert.ok(performance.now() - started < 10_000);
  assert.equal(matched, 100_000, 'the rules still match every event');
  assert.equal(stage.stats.stopped.length, 1);
  assert.match(
    stage.stats.stopped[0]?.message ?? '',
    /memory budget of 1 MB: correlation "Spray" stopped/,
  );
  assert.ok(stage.stats.groups < 5_000, `${stage.stats.groups} groups left`);
});

test('base rules used without generate are not reported', () => {
  const { matcher } = stageFor(`title: Brute force
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 60s
    condition: {gte: 3}`);
  assert.deepEqual(
    matcher.match(logon('4625', 0)).map((m) => [m.rule.title, m.report]),
    [['Failed logon', false]],
  );
  assert.deepEqual(matcher.match({ Channel: SYSMON, EventID: '1' }), []);
});
