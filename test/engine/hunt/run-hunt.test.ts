// hunt over the built-in pack and over a small content directory: one pass, routing, findings, risk, coverage warnings, Sigma.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BUILTIN_CONTENT_DIR } from '../../../src/detection/index.ts';
import { fillDrilldowns } from '../../../src/engine/hunt/drilldowns.ts';
import { runHunt } from '../../../src/engine/hunt/run-hunt.ts';
import { openWorkspace, SEVERITIES } from '../../../src/engine/index.ts';
import { makeContent, sysmonProcess, TUNNEL } from '../fixtures/make-content.ts';

const TELEMETRY = path.join(BUILTIN_CONTENT_DIR, 'data');

test('the built-in pack over its telemetry: every detection fires, ranked by severity then time, in one pass', async () => {
  const setup = openWorkspace({ content: [BUILTIN_CONTENT_DIR] });
  assert.equal(setup.detections.length, 9);
  const report = await runHunt(setup, [TELEMETRY]);
  assert.equal(report.events, 129);
  assert.equal(report.detections.length, 9);
  const ranks = report.detections.map((d) => [SEVERITIES.indexOf(d.rule.level), d.firstTime]);
  for (let i = 1; i < ranks.length; i++) {
    const [level, first] = ranks[i] as [number, number];
    const [before, beforeFirst] = ranks[i - 1] as [number, number];
    assert.ok(level < before || (level === before && first >= beforeFirst), `rank ${i}`);
  }
  assert.deepEqual(
    report.detections.map((d) => d.rule.level),
    ['high', 'high', 'medium', 'low', 'low', 'low', 'low', 'informational', 'informational'],
  );
  for (const outcome of report.detections) {
    assert.ok(
      (outcome.eventsRouted ?? 0) < report.events,
      `${outcome.rule.name} got only its events`,
    );
    assert.ok(
      outcome.rule.techniques.length > 0 && outcome.rule.tactics.length > 0,
      outcome.rule.name,
    );
  }
  const anonymous = report.detections.find(
    (d) => d.rule.name === 'Windows DevTunnel Host With Anonymous Access',
  );
  assert.equal(anonymous?.rule.type, 'TTP');
  assert.equal(anonymous?.rule.id, '6afdc795-c7a1-4c6a-909c-0285d8bf3381');
  assert.deepEqual(anonymous?.rule.techniques, ['T1219.001', 'T1572']);
  assert.equal(anonymous?.findings[0]?.fields['dest'], 'WS-0417.contoso.local');
  assert.equal(anonymous?.riskTotal, 144, '72 on dest and 72 on user');
  const seed = report.detections.at(-2);
  assert.equal(
    seed?.rule.name,
    'Detect IDE Tunneling',
    'the Hunting search with no risk is informational, first seen before the other',
  );
  assert.ok(seed?.findings.every((f) => f.fields['RiskScore'] !== undefined));
  assert.ok(report.risk.incidents.length > 0);
  assert.equal(report.risk.totals[0]?.riskObject, 'WS-0417.contoso.local');
  assert.deepEqual(report.diagnostics, []);
});

test('a detection whose index/source/sourcetype filter matches no input is named in a warning', async () => {
  const fixture = makeContent();
  const setup = openWorkspace({ content: [fixture.content] });
  const report = await runHunt(setup, [fixture.sysmon]);
  const warnings = report.diagnostics.filter((d) => d.code === 'HUNT001');
  assert.equal(warnings.length, 1);
  assert.match(
    warnings[0]?.message ?? '',
    /"Test Legacy Security" matched none of the inputs: it reads sourcetype=wineventlog:security/,
  );
  assert.match(
    warnings[0]?.notes?.[0]?.message ?? '',
    /index=wineventlog source=XmlWinEventLog:Microsoft-Windows-Sysmon\/Operational sourcetype=XmlWinEventLog/,
  );
  const tunnel = report.detections.find((d) => d.rule.name === 'Test Tunnel CLI');
  assert.equal(tunnel?.findingCount, 1);
  const finding = tunnel?.findings[0];
  assert.ok(tunnel && finding);
  assert.equal(finding.riskScore, 90);
  assert.equal(finding.time, Date.UTC(2025, 2, 14, 9, 12, 3) / 1000, 'from lastTime');
  const drilldowns = fillDrilldowns(tunnel, finding);
  assert.equal(drilldowns[0]?.name, 'Results for "CORP\\dana" on "ws-01.corp.example"');
  assert.match(drilldowns[0]?.search ?? '', /^`sysmon` EventCode=1 CommandLine="\*tunnel\*"\n/);
  assert.match(
    drilldowns[0]?.search ?? '',
    /\| search user = "CORP\\dana" dest = "ws-01.corp.example"$/,
  );
  assert.equal(drilldowns[0]?.earliest, String(Date.UTC(2025, 2, 14, 9, 12, 3) / 1000));
  assert.equal(drilldowns[0]?.readsRisk, false);
  assert.equal(
    drilldowns[1]?.search,
    'index=risk risk_object="ws-01.corp.example" | stats sum(risk_score) as risk by risk_object',
  );
  assert.equal(drilldowns[1]?.readsRisk, true);
});

test('--detection runs only the named detections; an unknown name is an error', () => {
  const setup = openWorkspace({
    content: [BUILTIN_CONTENT_DIR],
    select: ['windows ide cli tunnel started', 'No Such Thing'],
  });
  assert.deepEqual(
    setup.detections.map((s) => s.detection.name),
    ['Windows IDE CLI Tunnel Started'],
  );
  assert.deepEqual(
    setup.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
    ['HUNT010'],
  );
});

test('Sigma rules run in the same pass; their findings carry id, title, level, status, tags and the event, and add risk by level', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-sigma-'));
  writeFileSync(
    path.join(dir, 'code_tunnel.yml'),
    `title: VS Code Tunnel From Temp
id: 7d0b7c1e-3a5f-4e57-9a1c-2b6f0e3d4c5a
status: test
level: high
tags:
  - attack.command-and-control
  - attack.t1219.001
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\code.exe'
    CommandLine|contains: ' tunnel '
  condition: selection
`,
  );
  writeFileSync(
    path.join(dir, 'powershell.yml'),
    `title: PowerShell Script Block
id: 1d0b7c1e-3a5f-4e57-9a1c-2b6f0e3d4c5b
level: low
logsource:
  product: windows
  category: ps_script
detection:
  selection:
    ScriptBlockText|contains: Invoke-
  condition: selection
`,
  );
  const data = path.join(dir, 'events.log');
  writeFileSync(data, `${sysmonProcess(TUNNEL)}\n`);
  const setup = openWorkspace({ content: [BUILTIN_CONTENT_DIR], sigma: [dir] });
  const report = await runHunt(setup, [data]);
  const sigma = report.detections.find((d) => d.rule.kind === 'sigma');
  assert.ok(sigma);
  assert.equal(sigma.rule.name, 'VS Code Tunnel From Temp');
  assert.equal(sigma.rule.id, '7d0b7c1e-3a5f-4e57-9a1c-2b6f0e3d4c5a');
  assert.equal(sigma.rule.level, 'high');
  assert.equal(sigma.rule.status, 'test');
  assert.deepEqual(sigma.rule.techniques, ['T1219.001']);
  assert.deepEqual(sigma.rule.tags, ['attack.command-and-control', 'attack.t1219.001']);
  assert.equal(sigma.findings[0]?.fields['CommandLine'], TUNNEL.commandLine);
  assert.equal(sigma.riskTotal, 150, 'high = 75, on the host and on the user');
  const host = report.risk.totals.find((t) => t.riskObject === TUNNEL.host);
  assert.ok(host?.searchNames.includes('Sigma - VS Code Tunnel From Temp'));
  assert.deepEqual(
    report.diagnostics.filter((d) => d.code === 'HUNT002').map((d) => d.message),
    [
      '1 Sigma rule read channel Microsoft-Windows-PowerShell/Operational, PowerShellCore/Operational, which none of the inputs had: "PowerShell Script Block"',
    ],
  );
});
