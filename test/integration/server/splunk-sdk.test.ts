// The official npm splunk-sdk (2.0.2), unmodified, against `spelunk serve`: login (and Bearer
// with a session key), server info, indexes, oneshot in json_rows and json, a normal job tracked
// to done with its results, a blocking job, cancel; export (which the SDK lacks) with curl; the
// bundled sample sent in with `spelunk ingest --server`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { runCli } from '../dist.ts';
import { ADMIN_PASSWORD, type ServeProcess, startServe } from './serve-process.ts';

interface SdkJob {
  readonly sid: string;
  track(
    options: { period: number },
    callbacks: Record<string, (job: SdkJob) => unknown>,
  ): Promise<unknown>;
  results(params: Record<string, unknown>): Promise<[Record<string, unknown>, SdkJob]>;
  fetch(): Promise<SdkJob>;
  properties(): Record<string, unknown>;
  cancel(): Promise<unknown>;
}
interface SdkService {
  login(): Promise<boolean>;
  sessionKey: string;
  oneshotSearch(query: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  search(query: string, params: Record<string, unknown>): Promise<SdkJob>;
  indexes(): {
    fetch(): Promise<{ list(): { name: string; properties(): Record<string, unknown> }[] }>;
  };
  getInfo(): Promise<unknown>;
  version: string;
}
type ServiceClass = new (params: Record<string, unknown>) => SdkService;

const { Service } = createRequire(import.meta.url)('splunk-sdk') as { Service: ServiceClass };
const run = promisify(execFile);
let dir: string;
let server: ServeProcess;
let port: number;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-sdk-'));
  server = await startServe(path.join(dir, 'data'));
  port = Number(new URL(server.restUrl).port);
  const ingested = await runCli([
    'ingest',
    '--server',
    server.restUrl,
    '--password',
    ADMIN_PASSWORD,
    'content/data',
  ]);
  assert.equal(ingested.status, 0, ingested.stderr);
  assert.match(ingested.stdout, /events indexed/);
});

after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function service(extra: Record<string, unknown> = {}): SdkService {
  return new Service({
    scheme: 'http',
    host: '127.0.0.1',
    port,
    username: 'admin',
    password: ADMIN_PASSWORD,
    ...extra,
  });
}

test('login reads generator.version and a wrong password is refused', async () => {
  const sdk = service();
  assert.equal(await sdk.login(), true);
  assert.equal(sdk.version, '9.4.0');
  assert.ok(sdk.sessionKey.length > 20);
  await assert.rejects(service({ password: 'wrong' }).login());
  // A session key works as a Bearer token, without logging in again.
  const bearer = new Service({
    scheme: 'http',
    host: '127.0.0.1',
    port,
    sessionKey: sdk.sessionKey,
    authorization: 'Bearer',
    version: '9.4.0',
  });
  const indexes = await bearer.indexes().fetch();
  assert.ok(
    indexes
      .list()
      .some((i) => i.name === 'wineventlog' && Number(i.properties()['totalEventCount']) > 0),
  );
});

test('oneshot answers json_rows by default and json when asked', async () => {
  const sdk = service();
  await sdk.login();
  const rows = await sdk.oneshotSearch(
    'search index=wineventlog EventCode=1 | stats count by host | sort host',
    {},
  );
  assert.ok(Array.isArray(rows['fields']) && (rows['fields'] as string[]).includes('count'));
  assert.ok((rows['rows'] as unknown[][]).length > 0);
  const json = await sdk.oneshotSearch('| tstats count where index=* by sourcetype', {
    output_mode: 'json',
  });
  const results = json['results'] as Record<string, string>[];
  assert.ok(results.some((r) => r['sourcetype'] === 'XmlWinEventLog' && Number(r['count']) > 0));
  assert.deepEqual(json['fields'], [{ name: 'sourcetype' }, { name: 'count' }]);
});

test('a normal job is tracked to done and gives its results; cancel deletes a job', async () => {
  const sdk = service();
  await sdk.login();
  const job = await sdk.search('search index=wineventlog | table _time host EventCode | head 5', {
    exec_mode: 'normal',
  });
  let done = false;
  await job.track(
    { period: 100 },
    {
      done: () => {
        done = true;
      },
      failed: () => assert.fail('the job failed'),
    },
  );
  assert.ok(done);
  const [results] = await job.results({ count: 3, output_mode: 'json' });
  assert.equal((results['results'] as unknown[]).length, 3);
  assert.equal((await job.fetch()).properties()['resultCount'], 5);
  const blocking = await sdk.search('search index=* | stats count', { exec_mode: 'blocking' });
  assert.equal((await blocking.fetch()).properties()['isDone'], true);
  await blocking.cancel();
  await assert.rejects(blocking.fetch());
});

test('namespaced paths work like /services', async () => {
  const sdk = service({ owner: 'admin', app: 'search' });
  await sdk.login();
  const rows = await sdk.oneshotSearch('search index=wineventlog | stats count', {
    output_mode: 'json',
  });
  assert.ok(Number((rows['results'] as Record<string, string>[])[0]?.['count']) > 0);
});

test('export streams one JSON object per line (curl)', async () => {
  const { stdout } = await run('curl', [
    '-s',
    '-u',
    `admin:${ADMIN_PASSWORD}`,
    `${server.restUrl}/services/search/v2/jobs/export`,
    '-d',
    'search=search index=wineventlog EventCode=1 | head 3 | table host Image',
    '-d',
    'output_mode=json',
  ]);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  assert.equal(lines[2]?.['lastrow'], true);
  const first = lines[0]?.['result'] as Record<string, unknown> | undefined;
  assert.equal(typeof first?.['Image'], 'string');
});

test('output_mode=xml is refused with a message naming what is answered (curl)', async () => {
  const { stdout } = await run('curl', [
    '-s',
    '-w',
    '\n%{http_code}',
    '-u',
    `admin:${ADMIN_PASSWORD}`,
    `${server.restUrl}/services/server/info?output_mode=xml`,
  ]);
  const [body, status] = stdout.split('\n');
  assert.equal(status, '400');
  const messages = (JSON.parse(body ?? '') as { messages: { type: string; text: string }[] })
    .messages;
  assert.equal(messages[0]?.type, 'ERROR');
  assert.match(messages[0]?.text ?? '', /output_mode=xml is not supported.*json_rows/);
});
