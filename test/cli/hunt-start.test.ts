// npm start: the built-in pack hunts the bundled telemetry and shows Atomic tests 1, 2 and 3 with their RiskScore.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStart } from '../../src/cli/commands/start.ts';
import { assertGolden, ELAPSED, REPO } from '../helpers/golden.ts';

test('npm start finds the three Atomic tests, each with its RiskScore', async () => {
  let out = '';
  const code = await runStart({ out: (t) => (out += t), err: () => {} });
  assert.equal(code, 0);
  assert.match(
    out,
    /^spelunk: hunting the bundled telemetry \(\S+\) with the built-in content pack \(9 detections\)/,
  );
  const atomic = out.slice(out.indexOf('== Atomic Red Team tests of T1219.001'));
  assert.match(
    atomic,
    /Atomic Test 1 - VS Code CLI Tunnel Initiation[^\n]*\n {2}RiskScore 2 {2}WS-0417\.contoso\.local {2}CONTOSO\\m\.alvarez {2}"C:\\Users\\m\.alvarez\\AppData\\Local\\Temp\\vscode_cli\\code\.exe" tunnel --accept-server-license-terms --name test-tunnel/,
  );
  assert.match(
    atomic,
    /Atomic Test 2 - DevTunnel CLI Tunnel Creation[^\n]*\n {2}RiskScore 1 [^\n]*host --port 8080 --allow-anonymous/,
  );
  assert.match(
    atomic,
    /Atomic Test 3 - VS Code Tunnel Persistence via Scheduled Task[^\n]*\n {2}RiskScore 2 [^\n]*schtasks\.exe/,
  );
  assert.match(atomic, /\+ Windows Scheduled Task Runs IDE Tunnel \[TTP\]: 1 finding, risk 128/);
  assert.match(out, /\n3 of 3 Atomic tests found\n$/);
});

test('npm start prints the report the golden file holds', async () => {
  let out = '';
  await runStart({ out: (t) => (out += t), err: () => {} });
  assertGolden('npm-start.txt', out, ELAPSED, REPO);
});
