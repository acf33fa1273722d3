// Issue 15's scenario: `spelunk serve` with the built-in pack and SigmaHQ's tunnel rules; the
// bundled Atomic telemetry sent through HEC (splunk-logging) with current timestamps, one test
// every two hours, then the benign telemetry; the scheduler's clock walked through the schedule.
// Every Atomic test raises risk events in index=risk, the tunnelling hosts get notables in
// index=notable, a webhook receiver gets the alerts; the benign telemetry raises no ESCU risk
// (seed 000's hunting rows only) and no notable. The saved searches are driven with splunk-sdk and `spelunk status`.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, runCli } from '../dist.ts';
import {
  ADMIN_PASSWORD,
  exportSearch,
  type ServeProcess,
  startServe,
} from '../server/serve-process.ts';
import {
  ATTACK_DIR,
  BENIGN_DIR,
  HOUR,
  rest,
  type SavedSearchEntry,
  savedSearches,
  sendFolder,
  setClock,
  testFolders,
  walkClock,
  webhookReceiver,
} from './live-fixtures.ts';

const SIGMA_DIR = path.join(REPO, '..', 'shared', 'corpus', 'sigma', 'rules', 'windows');
/** SigmaHQ's Windows rules about tunnels (VS Code, devtunnels, cloudflared, ...), from the corpus. */
function tunnelRules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/tunnel/.test(entry.name) && entry.name.endsWith('.yml')) out.push(p);
    }
  };
  walk(SIGMA_DIR);
  return out.sort();
}

const attacks = testFolders(ATTACK_DIR);
const benign = testFolders(BENIGN_DIR);
/** Attack test i starts at T0 + 2i hours + 2 min; the benign telemetry after the last. */
const T0 = Math.floor(Date.now() / 1000 / HOUR) * HOUR - (2 * attacks.length + 3) * HOUR;
const startOf = (i: number) => T0 + 2 * i * HOUR + 120;
const BENIGN_START = T0 + 2 * attacks.length * HOUR + 120;
const LAST_RUN = T0 + (2 * attacks.length + 2) * HOUR;

let dir: string;
let server: ServeProcess;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
const clockFile = () => path.join(dir, 'clock');
const sigma = existsSync(SIGMA_DIR) ? tunnelRules() : [];

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-live-'));
  hook = await webhookReceiver();
  setClock(clockFile(), T0 + 60);
  server = await startServe(path.join(dir, 'data'), [
    '--clock-file',
    clockFile(),
    '--alert-webhook',
    hook.url,
    ...sigma.flatMap((f) => ['--sigma', f]),
  ]);
  for (const [i, folder] of attacks.entries()) await sendFolder(server.hecUrl, folder, startOf(i));
  for (const folder of benign) await sendFolder(server.hecUrl, folder, BENIGN_START);
  await walkClock(server.restUrl, clockFile(), T0 + HOUR, LAST_RUN);
});

after(async () => {
  await server?.stop();
  await hook?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  savedsearch_name: string;
  scheduled_time: number;
  status: string;
  result_count: number;
  risk_event_count: number;
}

async function runs(entry: SavedSearchEntry): Promise<Run[]> {
  const history = await rest(
    server.restUrl,
    `/services/saved/searches/${encodeURIComponent(entry.name)}/history?count=0`,
  );
  return (history['entry'] as { content: Run }[]).map((e) => e.content);
}

test('the built-in pack runs hourly over -70m@m..-10m@m, every window once', {
  timeout: 60_000,
}, async () => {
  const scheduled = (await savedSearches(server.restUrl)).filter(
    (e) => e.content['is_scheduled'] === true,
  );
  assert.equal(scheduled.length, 9);
  for (const entry of scheduled) {
    assert.equal(entry.content['cron_schedule'], '0 * * * *');
    assert.equal(entry.content['dispatch.earliest_time'], '-70m@m');
    assert.equal(entry.content['dispatch.latest_time'], '-10m@m');
    const times = (await runs(entry)).map((r) => r.scheduled_time).sort((a, b) => a - b);
    const expected = Array.from({ length: (LAST_RUN - T0) / HOUR }, (_, i) => T0 + (i + 1) * HOUR);
    assert.deepEqual(times, expected, entry.name);
  }
});

test('every Atomic test raises risk events in index=risk with the ES fields', {
  timeout: 60_000,
}, async () => {
  const all = (
    await Promise.all(
      (
        await savedSearches(server.restUrl)
      )
        .filter((e) => e.content['is_scheduled'] === true)
        .map(runs),
    )
  ).flat();
  for (const [i, folder] of attacks.entries()) {
    const window = startOf(i) - 120 + HOUR;
    const risk = all
      .filter((r) => r.scheduled_time === window)
      .reduce((n, r) => n + r.risk_event_count, 0);
    assert.ok(risk > 0, `${path.basename(folder)} raised no risk in the run at ${window}`);
  }
  const rows = await exportSearch(
    server.restUrl,
    'search index=risk | stats count by search_name risk_object_type | sort search_name',
  );
  assert.ok(rows.length > 0);
  const [one] = await exportSearch(
    server.restUrl,
    'search index=risk search_name="ESCU - Windows IDE CLI Tunnel Started - Rule" | head 1',
  );
  assert.ok(one !== undefined);
  for (const field of [
    'risk_object',
    'risk_object_type',
    'risk_score',
    'risk_message',
    'search_name',
    'annotations.mitre_attack',
    'analyticstories',
  ]) {
    assert.ok(one[field] !== undefined, `risk events carry ${field}`);
  }
  if (sigma.length > 0) {
    const streamed = await exportSearch(
      server.restUrl,
      'search index=risk search_name="Sigma - *" | stats count',
    );
    assert.ok(Number(streamed[0]?.['count']) > 0, 'the streamed Sigma rules raised risk');
  }
});

test('the tunnelling hosts get notables in index=notable and the webhook gets each alert', {
  timeout: 60_000,
}, async () => {
  const notables = await exportSearch(
    server.restUrl,
    'search index=notable notable_type=risk_incident | table risk_object risk_score event_id contributing_search_name',
  );
  const hosts = new Set(notables.map((n) => n['risk_object']));
  assert.ok(hosts.has('WS-0533.contoso.local'), `notables: ${[...hosts].join(', ')}`);
  for (const host of [
    'DEVBOX-APPROVED01.contoso.local',
    'BUILD-AGENT-03.contoso.local',
    'DEV-WS-034.contoso.local',
    'DEV-WS-021.contoso.local',
  ]) {
    assert.ok(!hosts.has(host), `benign host ${host} got a notable`);
  }
  const deadline = Date.now() + 20_000;
  while (hook.received.length < notables.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const ids = new Set(hook.received.map((r) => r.body['alert_id']));
  for (const notable of notables)
    assert.ok(ids.has(notable['event_id']), `alert for ${notable['risk_object']}`);
  const alert = hook.received.find(
    (r) => (r.body['result'] as Record<string, unknown>)['risk_object'] === 'WS-0533.contoso.local',
  );
  assert.ok(alert !== undefined);
  assert.equal(alert.headers['idempotency-key'], alert.body['alert_id']);
  assert.equal(alert.body['search_name'], 'Risk Threshold Exceeded For Object Over 24 Hour Period');
  const result = alert.body['result'] as Record<string, unknown>;
  assert.ok(Number(result['risk_score']) > 100);
  assert.ok(Array.isArray(result['contributing_search_name']));
});

test('the benign telemetry raises no risk: seed 000 hunting rows only', {
  timeout: 60_000,
}, async () => {
  const entries = (await savedSearches(server.restUrl)).filter(
    (e) => e.content['is_scheduled'] === true,
  );
  const benignRun = BENIGN_START - 120 + HOUR;
  for (const entry of entries) {
    const run = (await runs(entry)).find((r) => r.scheduled_time === benignRun);
    assert.ok(run !== undefined, entry.name);
    assert.equal(run.risk_event_count, 0, entry.name);
    if (entry.name !== 'ESCU - Detect IDE Tunneling - Rule')
      assert.equal(run.result_count, 0, entry.name);
    else assert.ok(run.result_count > 0, 'seed 000 hunts the benign tunnels too');
  }
  // SigmaHQ's VS Code tunnel domain rules (DNS query, network connection) know no allowlist: the
  // approved developer tunnel matches them, as it does in `hunt`. They alone raise risk here, and
  // too little for a notable (checked above).
  const risk = await rest(
    server.restUrl,
    `/services/spelunk/risk?earliest_time=${BENIGN_START - 120}&latest_time=${BENIGN_START + HOUR}`,
  );
  const sources = new Set(
    (risk['results'] as Record<string, unknown>[]).map(
      (r) => `${r['search_name']} on ${r['Computer']}`,
    ),
  );
  for (const source of sources) {
    assert.match(
      source,
      /^Sigma - (DNS Query|Network Connection Initiated) To Visual Studio Code Tunnels Domain on DEVBOX-APPROVED01\.contoso\.local$/,
    );
  }
});

interface SdkJob {
  readonly sid: string;
  track(
    options: { period: number },
    callbacks: Record<string, (job: SdkJob) => unknown>,
  ): Promise<unknown>;
  results(params: Record<string, unknown>): Promise<[Record<string, unknown>, SdkJob]>;
  properties(): Record<string, unknown>;
}
interface SdkSavedSearch {
  readonly name: string;
  properties(): Record<string, unknown>;
  dispatch(options: Record<string, unknown>): Promise<[SdkJob, SdkSavedSearch]>;
  history(options: Record<string, unknown>): Promise<[SdkJob[], SdkSavedSearch]>;
  disable(): Promise<SdkSavedSearch>;
  enable(): Promise<SdkSavedSearch>;
}
interface SdkService {
  login(): Promise<boolean>;
  savedSearches(): {
    fetch(): Promise<{ list(): SdkSavedSearch[]; item(name: string): SdkSavedSearch }>;
  };
}
const { Service } = createRequire(import.meta.url)('splunk-sdk') as {
  Service: new (params: Record<string, unknown>) => SdkService;
};

test('splunk-sdk lists, dispatches, reads the history of and disables saved searches', {
  timeout: 60_000,
}, async () => {
  const sdk = new Service({
    scheme: 'http',
    host: '127.0.0.1',
    port: Number(new URL(server.restUrl).port),
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  await sdk.login();
  const searches = await sdk.savedSearches().fetch();
  const names = searches.list().map((s) => s.name);
  assert.ok(names.includes('ESCU - Windows Devtunnels Image Loaded - Rule'));
  const cli = searches.item('ESCU - Windows IDE CLI Tunnel Started - Rule');
  assert.equal(cli.properties()['cron_schedule'], '0 * * * *');
  assert.match(String(cli.properties()['next_scheduled_time']), /^\d{4}-\d\d-\d\d \d\d:00:00 UTC$/);
  assert.equal(cli.properties()['spelunk.last_run.status'], 'success');

  const [job] = await cli.dispatch({
    'dispatch.earliest_time': String(T0),
    'dispatch.latest_time': String(LAST_RUN),
  });
  await job.track(
    { period: 100 },
    { done: () => undefined, failed: (j) => assert.fail(String(j.properties()['messages'])) },
  );
  const [results] = await job.results({ count: 0, output_mode: 'json' });
  assert.ok(
    (results['results'] as unknown[]).length > 0,
    'the dispatched search found the Atomic tests',
  );

  const [history] = await cli.history({ count: 0 });
  assert.ok(history.length >= (LAST_RUN - T0) / HOUR);

  await cli.disable();
  const after = (await sdk.savedSearches().fetch()).item(
    'ESCU - Windows IDE CLI Tunnel Started - Rule',
  );
  assert.equal(after.properties()['disabled'], true);
  await after.enable();

  const status = await runCli(['status', '--server', server.restUrl, '--password', ADMIN_PASSWORD]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(
    status.stdout,
    /ESCU - Windows IDE CLI Tunnel Started - Rule\s+yes\s+0 \* \* \* \* -70m@m\.\.-10m@m/,
  );
  assert.match(status.stdout, /success at /);
});
