// Alert actions: the webhook retried with backoff until it takes the alert (same idempotency key
// every time), refused for good on a 4xx; alerts with no recorded delivery sent again at start,
// and only those; syslog messages as RFC 5424 lays them out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  syslogActionSchema,
  webhookActionSchema,
} from '../../../src/server/config/detect-config-schema.ts';
import { AlertDispatcher } from '../../../src/server/detect/actions/alert-dispatcher.ts';
import { syslogMessage } from '../../../src/server/detect/actions/syslog-action.ts';
import { webhookAction } from '../../../src/server/detect/actions/webhook-action.ts';
import { ManualClock } from '../../../src/server/detect/detect-clock.ts';
import { alertRecord } from '../../../src/server/detect/output/detect-records.ts';
import { IngestService } from '../../../src/server/ingest/ingest-service.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-alerts-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function receiver(statuses: number[]) {
  const calls: { key: string | undefined; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      calls.push({
        key: request.headers['idempotency-key'] as string | undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const notable = (id: string) => ({
  event_id: id,
  notable_type: 'risk_incident',
  search_name: 'Risk Threshold Exceeded For Object Over 24 Hour Period',
  risk_object: 'WS-0417.contoso.local',
  severity: 'high',
});

test('the webhook is retried until it takes the alert; pending alerts are resent at start, once', {
  timeout: 60_000,
}, async () => {
  const hook = await receiver([500, 503]);
  const store = await openDuckDbStore(path.join(root, 'store'), { memoryLimitMb: 64 });
  const ingest = await IngestService.start(store, {
    maxQueuedEvents: 1000,
    maxQueuedBytes: 1 << 24,
    maxCommitEvents: 1000,
  });
  const clock = new ManualClock(Date.UTC(2026, 5, 1) / 1000);
  const dispatcher = () =>
    new AlertDispatcher({
      actions: [webhookAction(webhookActionSchema.parse({ url: hook.url }))],
      store,
      record: (delivery) => ingest.submitOwn({ events: [delivery], bytes: 512 }),
      clock,
      maxRetrySeconds: 1,
      log: () => {},
    });
  // An outbox record committed before a crash: nothing delivered it.
  await ingest.submit({ events: [alertRecord(notable('a1'), 'sid-1', clock.now())], bytes: 512 });
  const first = dispatcher();
  assert.equal(await first.resumePending(), 1);
  await first.idle();
  assert.equal(hook.calls.length, 3);
  assert.ok(hook.calls.every((c) => c.key === 'a1' && c.body['alert_id'] === 'a1'));
  assert.equal(
    (hook.calls[2]?.body['result'] as Record<string, unknown> | undefined)?.['risk_object'],
    'WS-0417.contoso.local',
  );
  first.close();
  // Its delivery is recorded: a restart sends nothing again.
  const second = dispatcher();
  assert.equal(await second.resumePending(), 0);
  second.close();
  await ingest.drain();
  await store.close();
  await hook.close();
});

test('a 4xx answer other than 408/429 is not retried', { timeout: 30_000 }, async () => {
  const hook = await receiver([400]);
  const action = webhookAction(webhookActionSchema.parse({ url: hook.url }));
  await assert.rejects(
    action.send({
      alert_id: 'x',
      alert_type: 't',
      search_name: 's',
      sid: 'i',
      app: 'spelunk',
      owner: 'nobody',
      result: {},
    }),
    /PermanentAlertError|answered 400/,
  );
  await hook.close();
});

test('syslog: RFC 5424 header, structured data with the idempotency key, the alert as JSON', () => {
  const message = syslogMessage(
    {
      alert_id: 'k"1]',
      alert_type: 'risk_incident',
      search_name: 'S',
      sid: 'sid',
      app: 'spelunk',
      owner: 'nobody',
      result: { severity: 'high' },
    },
    syslogActionSchema.parse({ host: '127.0.0.1' }),
    new Date(Date.UTC(2026, 5, 1, 8)),
  );
  // facility 16 (local0) * 8 + severity 3 (high) = 131
  assert.match(
    message,
    /^<131>1 2026-06-01T08:00:00\.000Z \S+ spelunk \d+ notable \[spelunk@32473 alert_id="k\\"1\\]" search_name="S"\] \{/,
  );
  assert.equal(JSON.parse(message.slice(message.indexOf('] {') + 2))['alert_id'], 'k"1]');
});
