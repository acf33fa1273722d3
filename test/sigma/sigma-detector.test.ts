// The hunt-facing detector: reported matches and correlation findings from one call per event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSigmaRules, createSigmaDetector } from '../../src/sigma/index.ts';
import { loadText } from './sigma-test-kit.ts';

test('rule findings, quiet correlation inputs, correlation findings at once and at the end', () => {
  const set = loadText(`title: Failed logon
name: failed
level: low
logsource: {product: windows, service: security}
detection:
    sel:
        EventID: 4625
    condition: sel
---
title: Cleared log
level: high
logsource: {product: windows, service: security}
detection:
    sel:
        EventID: 1102
    condition: sel
---
title: Brute force
level: critical
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 1m
    condition: {gte: 2}
---
title: Quiet
correlation:
    type: event_count
    rules: [failed]
    group-by: [TargetUserName]
    timespan: 1m
    condition: {lt: 5}
`);
  const detector = createSigmaDetector(compileSigmaRules(set));
  const event = (id: string, time: number) => ({
    Channel: 'Security',
    EventID: id,
    _time: time,
    TargetUserName: 'bob',
  });
  const seen = [event('1102', 0), event('4625', 1), event('4625', 2)].map((e) =>
    detector.detect(e).map((f) => `${f.kind}:${f.title}:${f.riskScore}`),
  );
  assert.deepEqual(seen, [['rule:Cleared log:75'], [], ['correlation:Brute force:100']]);
  // "fewer than 5 in a minute" can only be judged once the window is complete: at the end.
  assert.deepEqual(
    detector.finish().map((f) => `${f.title}:${f.value}`),
    ['Quiet:2'],
  );
});
