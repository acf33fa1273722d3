// The detect role in-process over a real store: the built-in pack's scheduled searches run a day
// of hourly windows in seconds on a settable clock, raise risk (index=risk) and notables
// (index=notable) from the Atomic telemetry, never run a window twice across a restart, record
// a failed run with its reason, skip what a long downtime missed, and leave disabled searches be.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import { openInputs } from '../../../src/ingest/index.ts';
import { detectConfigSchema } from '../../../src/server/config/detect-config-schema.ts';
import { ManualClock } from '../../../src/server/detect/detect-clock.ts';
import { DetectService } from '../../../src/server/detect/detect-service.ts';
import { IngestService } from '../../../src/server/ingest/ingest-service.ts';
import { runIndexSearch } from '../../../src/server/search/index-search.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import type { EventStore } from '../../../src/server/store/event-store.ts';

const HOUR = 3600;
const T0 = Date.UTC(2026, 5, 1) / 1000;
const root = mkdtempSync(path.join(tmpdir(), 'spelunk-detect-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function attackEvents(start: number): Promise<Event[]> {
  const inputs = await openInputs([path.join('content', 'data', 'attack')], {});
  const events: Event[] = [];
  for await (const batch of inputs.source) events.push(...(batch as Event[]));
  const first = Math.min(...events.map((e) => Number(e['_time'])));
  return events.map((e) => ({
    ...e,
    index: 'wineventlog',
    _time: start + Math.min(Number(e['_time']) - first, 1800),
  }));
}

async function open(dir: string, clock: ManualClock, config: Record<string, unknown> = {}) {
  const store = await openDuckDbStore(dir, { memoryLimitMb: 128 });
  const ingest = await IngestService.start(store, {
    maxQueuedEvents: 100_000,
    maxQueuedBytes: 1 << 28,
    maxCommitEvents: 5000,
  });
  const service = await DetectService.start({
    content: {},
    config: detectConfigSchema.parse(config),
    clock,
    store,
    ingest,
    runSearch: runIndexSearch,
    searchDeps: {
      store,
      indexes: () => ['main', 'wineventlog', 'risk', 'notable', 'internal'],
      defaultIndexes: ['*'],
    },
    maxResultRows: 50_000,
    watch: false,
    log: () => {},
  });
  return {
    store,
    ingest,
    service,
    close: async () => {
      await service.close();
      await ingest.drain();
      await store.close();
    },
  };
}

async function count(store: EventStore, index: string): Promise<number> {
  let n = 0;
  for await (const batch of store.query({
    indexes: [index],
    filter: { kind: 'true' },
    fields: new Set(),
    raw: false,
  }))
    n += batch.length;
  return n;
}

test('a day of hourly windows runs in seconds, each once, across a restart', {
  timeout: 120_000,
}, async () => {
  const dir = path.join(root, 'day');
  const clock = new ManualClock(T0 + 60);
  let server = await open(dir, clock);
  await server.ingest.submit({ events: await attackEvents(T0 + 120), bytes: 1 << 20 });
  clock.set(T0 + 12 * HOUR + 60);
  await server.service.idle();
  // A clean restart halfway: nothing runs twice, the rest of the day runs once.
  await server.close();
  server = await open(dir, clock);
  clock.set(T0 + 24 * HOUR + 60);
  await server.service.idle();

  const searches = await server.service.savedSearches();
  const scheduled = searches.filter((s) => s.kind === 'scheduled');
  assert.equal(scheduled.length, 9);
  for (const search of scheduled) {
    const runs = await server.service.history({
      searchName: search.name,
      earliest: 0,
      limit: 10_000,
    });
    assert.deepEqual(
      runs.map((r) => r.scheduled_time).sort((a, b) => a - b),
      Array.from({ length: 24 }, (_, i) => T0 + (i + 1) * HOUR),
      search.name,
    );
    assert.ok(
      runs.every((r) => r.status === 'success'),
      search.name,
    );
    assert.equal(search.lastRun?.scheduled_time, T0 + 24 * HOUR);
    assert.equal(search.nextRun, T0 + 25 * HOUR);
  }
  assert.ok((await count(server.store, 'risk')) > 0);
  const notables = await server.service.notables({ earliest: 0 });
  assert.ok(notables.some((n) => n['risk_object'] === 'WS-0417.contoso.local'));
  const risk = await server.service.riskEvents({
    earliest: 0,
    riskObject: 'ws-0533.contoso.local',
  });
  assert.ok(risk.length > 0 && risk.every((r) => r['risk_object'] === 'WS-0533.contoso.local'));
  await server.close();
});

test('a failed run is recorded with its reason; a disabled search does not run; downtime past the catch-up limit is skipped', {
  timeout: 120_000,
}, async () => {
  const dir = path.join(root, 'failed');
  const clock = new ManualClock(T0 + 60);
  const server = await open(dir, clock, {
    maxCatchUp: 2 * HOUR,
    searches: { 'Windows Devtunnels Image Loaded': { earliest: 'not-a-time' } },
  });
  await server.service.setEnabled('ESCU - Detect IDE Tunneling - Rule', false);
  clock.set(T0 + HOUR + 60);
  await server.service.idle();
  const failed = await server.service.savedSearch('ESCU - Windows Devtunnels Image Loaded - Rule');
  assert.equal(failed.lastRun?.status, 'failed');
  assert.match(failed.lastRun?.reason ?? '', /not-a-time/);
  const disabled = await server.service.savedSearch('ESCU - Detect IDE Tunneling - Rule');
  assert.equal(disabled.enabled, false);
  assert.equal(disabled.lastRun, undefined);

  clock.set(T0 + 10 * HOUR + 60);
  await server.service.idle();
  const runs = await server.service.history({
    searchName: 'ESCU - Windows IDE CLI Tunnel Started - Rule',
    earliest: 0,
  });
  const skipped = runs.find((r) => r.status === 'skipped');
  assert.equal(skipped?.skipped_windows, 7);
  assert.match(skipped?.reason ?? '', /detect\.maxCatchUp/);
  assert.deepEqual(
    runs
      .filter((r) => r.status === 'success')
      .map((r) => r.scheduled_time)
      .sort((a, b) => a - b),
    [T0 + HOUR, T0 + 9 * HOUR, T0 + 10 * HOUR],
  );
  await server.close();
});
