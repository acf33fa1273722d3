// Streaming Sigma across SIGKILL: matching events sent through HEC with acks; the server killed
// the moment the acks turn true, while their findings still wait in the detect writer (streamed
// outputs wait up to 1 s to share a write); restarted, it matches the events committed after
// its position and index=risk holds every expected risk event exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { exportSearch, type ServeProcess, startServe } from '../server/serve-process.ts';
import { rest } from './live-fixtures.ts';

const ACK_TOKEN = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const CHANNEL = '0aecdf26-2c2b-4a9e-9f6a-7c1d2e3f4a5b';
const SEARCH = 'Sigma - Crash marker tunnel';
const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-stream-crash-'));
let server: ServeProcess | undefined;
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const RULE = `title: Crash marker tunnel
id: 9d0e4c1a-5b6f-4a7c-8d9e-0f1a2b3c4d5e
status: test
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: spelunk-crash-marker
  condition: selection
level: high
`;

/** A Sysmon process creation (event 1) at `time` whose command line holds `command`. */
function sysmon(time: number, command: string): string {
  const at = new Date(time * 1000).toISOString();
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${at}'/><EventRecordID>${time}</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='8'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws-crash.contoso.local</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='Image'>C:\\Tools\\devtunnel.exe</Data><Data Name='CommandLine'>${command}</Data><Data Name='User'>CONTOSO\\alice</Data></EventData></Event>`;
}

/** Sends the events (time, command) in one acknowledged HEC request; resolves once the ack is true. */
async function sendAcked(hecUrl: string, events: readonly [number, string][]): Promise<void> {
  const body = events
    .map(([time, command]) =>
      JSON.stringify({
        event: sysmon(time, command),
        time,
        index: 'wineventlog',
        sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      }),
    )
    .join('\n');
  const headers = { Authorization: `Splunk ${ACK_TOKEN}`, 'X-Splunk-Request-Channel': CHANNEL };
  const sent = await fetch(`${hecUrl}/services/collector/event`, { method: 'POST', headers, body });
  assert.equal(sent.status, 200, await sent.clone().text());
  const ackId = ((await sent.json()) as { ackId: number }).ackId;
  for (let i = 0; i < 400; i++) {
    const polled = await fetch(`${hecUrl}/services/collector/ack?channel=${CHANNEL}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ acks: [ackId] }),
    });
    const acks = ((await polled.json()) as { acks: Record<string, boolean> }).acks;
    if (acks[String(ackId)] === true) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail(`ack ${ackId} never turned true`);
}

/** The Sigma rule's risk events per event time. */
async function riskByTime(restUrl: string): Promise<Map<number, number>> {
  const rows = await exportSearch(
    restUrl,
    `search index=risk search_name="${SEARCH}" | eval t=_time | stats count by t`,
  );
  return new Map(rows.map((r) => [Number(r['t']), Number(r['count'])]));
}

/** Waits until `want` event times have risk events (written up to 1 s after their match). */
async function waitForRisk(restUrl: string, want: number): Promise<Map<number, number>> {
  const deadline = Date.now() + 30_000;
  let found = new Map<number, number>();
  while (Date.now() < deadline) {
    found = await riskByTime(restUrl);
    if (found.size >= want) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Anything written late (a repeat) shows after another delay.
  await new Promise((r) => setTimeout(r, 2500));
  return riskByTime(restUrl);
}

test('SIGKILL right after the acks: every streamed risk event is there once after the restart', {
  timeout: 240_000,
}, async () => {
  const config = path.join(dir, 'spelunk.yml');
  writeFileSync(
    config,
    `detect:\n  suppress: 0\nhec:\n  tokens:\n    - name: acked\n      token: ${ACK_TOKEN}\n      useAck: true\n      indexes: [wineventlog]\n`,
  );
  const rule = path.join(dir, 'crash-marker.yml');
  writeFileSync(rule, RULE);
  const data = path.join(dir, 'data');
  const start = () => startServe(data, ['--config', config, '--sigma', rule]);
  const base = Math.floor(Date.now() / 1000) - 600;

  server = await start();
  // Written in the normal way first.
  await sendAcked(server.hecUrl, [
    [base + 1, 'devtunnel host spelunk-crash-marker 1'],
    [base + 2, 'notepad.exe'],
  ]);
  const first = await waitForRisk(server.restUrl, 1);
  assert.deepEqual([...first.keys()], [base + 1]);
  const perEvent = first.get(base + 1) as number;
  assert.ok(perEvent >= 1);

  // Killed as soon as these are acknowledged: matched, their risk events not written yet.
  const late = [3, 4, 5, 6, 7].map((i): [number, string] => [
    base + i,
    `devtunnel host spelunk-crash-marker ${i}`,
  ]);
  await sendAcked(server.hecUrl, late);
  await server.kill();

  server = await start();
  const after = await waitForRisk(server.restUrl, 6);
  const expected = [1, 3, 4, 5, 6, 7].map((i) => [base + i, perEvent]);
  assert.deepEqual(
    [...after.entries()].sort((a, b) => a[0] - b[0]),
    expected,
    'each acknowledged matching event has its risk events exactly once',
  );
  const status = await rest(server.restUrl, '/services/spelunk/detect/status');
  assert.ok(
    Number(status['streamCaughtUp']) >= late.length,
    `the restart matched what the crash left (${status['streamCaughtUp']})`,
  );
  await server.stop();
  server = undefined;
});
