// A hunt as a configuration of the event pump: search, hunt and test agree on a detection's rows;
// host:: knowledge agrees with the per-kind plans; Sigma evidence keeps events as read.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { SharedEvent } from '../../../src/core/index.ts';
import {
  openWorkspace,
  runDetectionTests,
  runHunt,
  runPlansOverInputs,
  type Workspace,
} from '../../../src/engine/index.ts';
import { compileSpl } from '../../../src/spl/index.ts';
import { BENIGN, makeContent, sysmonProcess, TUNNEL } from '../fixtures/make-content.ts';

const fixture = makeContent();
const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-hunt-pump-'));
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

/** The workspace with one detection's search replaced by `spl`. */
function withSearch(workspace: Workspace, spl: string): Workspace {
  const compiled = compileSpl(spl);
  const detection = workspace.detections[0]?.detection;
  assert.ok(compiled.ok && detection);
  return { ...workspace, detections: [{ detection, plan: compiled.value }] };
}

const rowsOf = (rows: readonly SharedEvent[]) =>
  rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

describe('one detection through search, hunt and test', () => {
  test('the same events give the same rows', async () => {
    const workspace = openWorkspace({ content: [fixture.content], select: ['Test Tunnel CLI'] });
    const runnable = workspace.detections[0];
    assert.ok(runnable);

    const searched: SharedEvent[] = [];
    const compiled = workspace.compileSearch(runnable.detection.search);
    assert.ok(compiled.ok);
    await runPlansOverInputs(
      [{ plan: compiled.value, context: { emit: (r) => searched.push(...r) } }],
      [fixture.sysmon],
      { knowledge: workspace.knowledge, input: { index: 'contentctl_testing_index' } },
    );

    const hunted = await runHunt(workspace, [fixture.sysmon], {
      input: { index: 'contentctl_testing_index' },
    });
    const found = [...(hunted.detections[0]?.findings ?? [])].map((f) => f.fields);

    const tested: SharedEvent[] = [];
    const report = await runDetectionTests(
      workspace,
      { dataDirs: [fixture.dataDir] },
      {
        onRows: (_detection, t, rows) => {
          if (t.name === 'Attack data from a URL') tested.push(...rows);
        },
      },
    );
    assert.equal(report.results.find((r) => r.test === 'Attack data from a URL')?.status, 'passed');

    assert.equal(searched.length, 1);
    assert.deepEqual(rowsOf(found), rowsOf(searched));
    assert.deepEqual(rowsOf(tested), rowsOf(searched));
  });
});

describe('a host:: props stanza', () => {
  test('the knowledge keyed by host and the per-kind plans agree, whatever the order of hosts', async () => {
    // One kind of event for the router (same source, sourcetype and EventCode), two hosts.
    const events = write(
      'hosts.log',
      [TUNNEL, BENIGN, TUNNEL, BENIGN, BENIGN, TUNNEL]
        .map((p, i) => sysmonProcess(p, i + 1))
        .join('\n'),
    );
    const props = write('props.conf', `[host::${TUNNEL.host}]\nEVAL-zone = "red"\n`);
    const workspace = withSearch(
      openWorkspace({ content: [fixture.content], props: [props], select: ['Test Tunnel CLI'] }),
      'EventCode=1 | table EventRecordID host zone',
    );
    const report = await runHunt(workspace, [events]);
    const rows = [...(report.detections[0]?.findings ?? [])].map((f) => f.fields);
    assert.equal(rows.length, 6);
    for (const row of rows) {
      const expected = row['host'] === TUNNEL.host ? 'red' : undefined;
      assert.equal(row['zone'], expected, `record ${row['EventRecordID']} on ${row['host']}`);
    }
  });
});

describe('Sigma in a hunt with field knowledge', () => {
  test("a correlation's evidence and a rule's event keep the events as read", async () => {
    const rules = write(
      'rules.yml',
      `title: Tunnel CLI
id: 6f1f9a57-1c38-4d21-9a4e-2b8f6a0c1d11
name: tunnel_cli
logsource: {product: windows, category: process_creation}
detection:
    sel:
        CommandLine|contains: tunnel
    condition: sel
level: medium
---
title: Tunnel CLI twice
id: 6f1f9a57-1c38-4d21-9a4e-2b8f6a0c1d12
correlation:
    type: event_count
    rules: [tunnel_cli]
    group-by: [Computer]
    timespan: 1h
    condition: {gte: 2}
    generate: true
level: high
`,
    );
    const events = write(
      'tunnels.log',
      [TUNNEL, BENIGN, TUNNEL].map((p, i) => sysmonProcess(p, i + 1)).join('\n'),
    );
    const zone = mkdtempSync(path.join(dir, 'zone-'));
    const props = path.join(zone, 'props.conf');
    writeFileSync(props, '[XmlWinEventLog]\nEVAL-zone = "red"\n');
    const workspace = withSearch(
      openWorkspace({ content: [fixture.content], props: [props], sigma: [rules] }),
      'EventCode=1 | table zone',
    );
    const report = await runHunt(workspace, [events]);
    const spl = report.detections.find((d) => d.rule.kind === 'spl');
    assert.ok(
      spl !== undefined && [...spl.findings].every((f) => f.fields['zone'] === 'red'),
      'the SPL search saw the knowledge',
    );
    const correlation = report.detections.find((d) => d.rule.kind === 'sigma-correlation');
    const evidence = [...(correlation?.findings ?? [])].flatMap((f) => f.events ?? []);
    assert.equal(evidence.length, 2);
    const matched = report.detections.find((d) => d.rule.kind === 'sigma');
    const seen = [...evidence, ...[...(matched?.findings ?? [])].map((f) => f.fields)];
    assert.equal(seen.length, 4, 'two matches reported, two events of evidence');
    for (const event of seen) assert.equal(event['zone'], undefined, 'held as read');
  });
});
