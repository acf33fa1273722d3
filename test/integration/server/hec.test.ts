// The HTTP Event Collector as clients use it: the official npm splunk-logging (JSON sent as
// form-urlencoded, time as a string, batches concatenated), curl with acks on a channel, /raw with
// Windows XML; and bad input - malformed bodies, wrong tokens, unknown indexes, oversized
// requests, a client that disconnects mid-body - each answered with Splunk's code while nothing
// acknowledged is lost.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { exportSearch, HEC_TOKEN, type ServeProcess, startServe } from './serve-process.ts';

const ACK_TOKEN = 'b7c8d9e0-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const CHANNEL = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const LIMITED_TOKEN = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

interface LoggerClass {
  new (
    config: Record<string, unknown>,
  ): {
    send(
      payload: Record<string, unknown>,
      callback?: (error: unknown, response: unknown, body: unknown) => void,
    ): void;
    flush(callback: (error: unknown, response: unknown, body: unknown) => void): void;
    error: (error: unknown) => void;
  };
}
const SplunkLogger = (createRequire(import.meta.url)('splunk-logging') as { Logger: LoggerClass })
  .Logger;

let dir: string;
let server: ServeProcess;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-hec-'));
  const config = path.join(dir, 'spelunk.yml');
  writeFileSync(
    config,
    `indexes:\n  - name: app\nlimits:\n  ingestQueueSize: 64KB\n  ingestQueueWait: 0.5\nhec:\n  maxBodySize: 64KB\n  tokens:\n    - name: acked\n      token: ${ACK_TOKEN}\n      useAck: true\n      indexes: [app, main, wineventlog]\n    - name: limited\n      token: ${LIMITED_TOKEN}\n      rateLimit: { perSecond: 1, burst: 5 }\n`,
  );
  server = await startServe(path.join(dir, 'data'), ['--config', config]);
});

after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function hec(pathname: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.hecUrl}${pathname}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const splunkAuth = (token = HEC_TOKEN) => ({ Authorization: `Splunk ${token}` });

/** Polls /ack until the id reads true (it must within 5 s). */
async function waitForAck(ackId: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const polled = await hec(
      `/services/collector/ack?channel=${CHANNEL}`,
      JSON.stringify({ acks: [ackId] }),
      splunkAuth(ACK_TOKEN),
    );
    if ((polled.body['acks'] as Record<string, boolean>)[String(ackId)] === true) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`ack ${ackId} never turned true`);
}

test('splunk-logging sends single events and batches', { timeout: 60_000 }, async () => {
  const payload = (text: string) => ({
    message: { text, user: 'alice' },
    metadata: { source: 'sdk-test', index: 'main' },
  });
  const sent = (logger: InstanceType<LoggerClass>, text: string) =>
    new Promise<unknown>((resolve, reject) =>
      logger.send(payload(text), (error, _response, body) =>
        error ? reject(error) : resolve(body),
      ),
    );
  const single = new SplunkLogger({ token: HEC_TOKEN, url: server.hecUrl });
  single.error = (error) => assert.fail(String(error));
  assert.deepEqual(await sent(single, 'one'), { text: 'Success', code: 0 });
  // Batching: the third event sends all three, concatenated with no separator.
  const batching = new SplunkLogger({ token: HEC_TOKEN, url: server.hecUrl, maxBatchCount: 3 });
  batching.error = (error) => assert.fail(String(error));
  batching.send(payload('two'));
  batching.send(payload('three'));
  assert.deepEqual(await sent(batching, 'four'), { text: 'Success', code: 0 });
  const rows = await exportSearch(
    server.restUrl,
    'search index=main source=sdk-test | stats count by message.user',
  );
  assert.deepEqual(rows, [{ 'message.user': 'alice', count: '4' }]);
});

test('acks turn true once committed; /raw reads Windows XML as the XmlWinEventLog reader does', {
  timeout: 60_000,
}, async () => {
  const body = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({ event: `acked ${i}`, index: 'app', time: 1714550400 + i }),
  ).join('\n');
  const sent = await hec('/services/collector/event', body, {
    ...splunkAuth(ACK_TOKEN),
    'X-Splunk-Request-Channel': CHANNEL,
  });
  assert.equal(sent.status, 200);
  const ackId = sent.body['ackId'] as number;
  assert.equal(typeof ackId, 'number');
  const unknownId = await hec(
    `/services/collector/ack?channel=${CHANNEL}`,
    JSON.stringify({ acks: [ackId + 999] }),
    splunkAuth(ACK_TOKEN),
  );
  assert.deepEqual(unknownId.body, { acks: { [String(ackId + 999)]: false } });
  await waitForAck(ackId);
  assert.deepEqual(await exportSearch(server.restUrl, 'search index=app acked | stats count'), [
    { count: '5' },
  ]);

  const xml = readFileSync(
    path.resolve('content/data/benign/vscode_daily_use/windows-sysmon.log'),
    'utf8',
  );
  const raw = await hec(
    `/services/collector/raw?channel=${CHANNEL}&sourcetype=XmlWinEventLog&source=hec-raw`,
    xml,
    splunkAuth(ACK_TOKEN),
  );
  assert.equal(raw.status, 200, JSON.stringify(raw.body));
  await waitForAck(raw.body['ackId'] as number);
  const lines = xml.split('\n').filter((l) => l.trim() !== '').length;
  const counted = await exportSearch(
    server.restUrl,
    'search index=wineventlog source=hec-raw | stats count by sourcetype',
  );
  assert.deepEqual(counted, [{ sourcetype: 'XmlWinEventLog', count: String(lines) }]);
});

test("bad input gets Splunk's codes, and what was acknowledged stays", {
  timeout: 60_000,
}, async () => {
  const before = await exportSearch(server.restUrl, 'search index=app | stats count');
  const cases: [string, string | Buffer, Record<string, string>, number, number][] = [
    ['/services/collector/event', '{"event":"x"}', {}, 401, 2],
    ['/services/collector/event', '{"event":"x"}', { Authorization: 'Token nope' }, 401, 3],
    [
      '/services/collector/event',
      '{"event":"x"}',
      splunkAuth('00000000-0000-0000-0000-000000000000'),
      403,
      4,
    ],
    ['/services/collector/event', '   ', splunkAuth(), 400, 5],
    ['/services/collector/event', '{"event":"a"}{"event":', splunkAuth(), 400, 6],
    ['/services/collector/event', '{"event":"x","index":"nosuch"}', splunkAuth(), 400, 7],
    ['/services/collector/event', '{"event":"x"}', splunkAuth(ACK_TOKEN), 400, 10],
    [
      '/services/collector/event',
      '{"event":"x"}',
      { ...splunkAuth(ACK_TOKEN), 'X-Splunk-Request-Channel': 'not-a-guid' },
      400,
      11,
    ],
    ['/services/collector/event', '{"host":"h"}', splunkAuth(), 400, 12],
    ['/services/collector/event', '{"event":""}', splunkAuth(), 400, 13],
    ['/services/collector/ack', '{"acks":[1]}', splunkAuth(), 400, 14],
    ['/services/collector/event', '{"event":"x","fields":{"a":{"b":1}}}', splunkAuth(), 400, 15],
    [
      '/services/collector/event',
      '{"event":"<Event><System><EventID>1</System></Event>"}',
      splunkAuth(),
      400,
      6,
    ],
    ['/services/collector/event', Buffer.alloc(70 * 1024, 32), splunkAuth(), 413, 6],
  ];
  for (const [pathname, body, headers, status, code] of cases) {
    const answer = await hec(pathname, body, headers);
    assert.equal(
      answer.status,
      status,
      `${pathname} ${String(body).slice(0, 40)}: ${JSON.stringify(answer.body)}`,
    );
    assert.equal(answer.body['code'], code, JSON.stringify(answer.body));
  }
  const second = await hec(
    '/services/collector/event',
    '{"event":"ok"}{"event":"bad","time":"soon"}',
    splunkAuth(),
  );
  assert.equal(second.body['invalid-event-number'], 1);
  // A client that disconnects mid-body: the request is dropped, the server carries on.
  await new Promise<void>((resolve) => {
    const url = new URL('/services/collector/event', server.hecUrl);
    const req = request(url, {
      method: 'POST',
      headers: { ...splunkAuth(), 'Content-Length': '100000' },
    });
    req.on('error', () => resolve());
    req.write('{"event":"partial');
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 100);
  });
  const health = await fetch(`${server.hecUrl}/services/collector/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(await exportSearch(server.restUrl, 'search index=app | stats count'), before);
  assert.deepEqual(await exportSearch(server.restUrl, 'search partial | stats count'), [
    { count: '0' },
  ]);
});

test('a token over its rate limit gets code 9 (503) with Retry-After', {
  timeout: 60_000,
}, async () => {
  const five = Array.from({ length: 5 }, (_, i) => JSON.stringify({ event: `limited ${i}` })).join(
    '',
  );
  assert.equal(
    (await hec('/services/collector/event', five, splunkAuth(LIMITED_TOKEN))).status,
    200,
  );
  const response = await fetch(`${server.hecUrl}/services/collector/event`, {
    method: 'POST',
    headers: splunkAuth(LIMITED_TOKEN),
    body: five,
  });
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '1');
  assert.equal(((await response.json()) as { code: number }).code, 9);
});

test('a request meeting a full queue waits for room with its body unread, and gets code 9 only when the wait passes', {
  timeout: 60_000,
}, async () => {
  const event = (size: number, text: string) =>
    JSON.stringify({ event: text.padEnd(size - 12, '.'), index: 'app' });
  // A body of 50,000 bytes declared and only begun: its room (of 64 KB) is held while it arrives.
  const slow = event(50_000, 'queue slow');
  const held = request(`${server.hecUrl}/services/collector/event`, {
    method: 'POST',
    headers: { ...splunkAuth(), 'Content-Length': String(slow.length) },
  });
  const heldReply = new Promise<number>((resolve, reject) => {
    held.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    held.on('error', reject);
  });
  held.write(slow.slice(0, 100));
  await new Promise((r) => setTimeout(r, 200));
  // 20,000 more do not fit: the request waits the configured 0.5 s, then is refused.
  const started = performance.now();
  const refused = await fetch(`${server.hecUrl}/services/collector/event`, {
    method: 'POST',
    headers: splunkAuth(),
    body: event(20_000, 'queue refused'),
  });
  assert.ok(performance.now() - started >= 400, 'the refusal came after the wait');
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get('retry-after'), '1');
  assert.equal(((await refused.json()) as { code: number }).code, 9);
  // One that waits while the first body completes is taken as soon as there is room.
  const waiting = hec('/services/collector/event', event(5_000, 'queue waited'), splunkAuth());
  await new Promise((r) => setTimeout(r, 100));
  held.end(slow.slice(100));
  assert.equal(await heldReply, 200);
  assert.deepEqual((await waiting).body, { text: 'Success', code: 0 });
  // Without acks the replies came after the commits: the first and the third are there.
  assert.deepEqual(await exportSearch(server.restUrl, 'search index=app queue | stats count'), [
    { count: '2' },
  ]);
});
