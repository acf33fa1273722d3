// The Sigma stream across a crash, in-process over a real store and the real writer: findings
// matched and waiting in the writer when the process "dies" (the writer is dropped before its
// delayed write), and events committed but never matched, are matched by the next stream over
// the same store from its committed position: every finding is written exactly once. Events
// stored before the stream first ran are history (not matched); past detect.maxStreamCatchUp the
// oldest events are left out and the log says so.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import type { Workspace } from '../../../src/engine/index.ts';
import { detectConfigSchema } from '../../../src/server/config/detect-config-schema.ts';
import type { DetectRuntime } from '../../../src/server/detect/detect-runtime.ts';
import { DetectWriter } from '../../../src/server/detect/output/detect-writer.ts';
import { savedSearchesOf } from '../../../src/server/detect/saved-searches.ts';
import { InProcessMatcherPort } from '../../../src/server/detect/stream/sigma-match-ports.ts';
import { SigmaStream } from '../../../src/server/detect/stream/sigma-stream.ts';
import { IngestService } from '../../../src/server/ingest/ingest-service.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import type { EventStore } from '../../../src/server/store/event-store.ts';
import { processEvent, rule, workspaceOf } from './sigma-stream-fixtures.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-catch-up-'));
after(() => rmSync(root, { recursive: true, force: true }));

const T0 = 1_714_550_400;
const NEVER = 3_600_000;

/** A matching event at its own time (risk events are told apart by it), day `day`. */
function hit(n: number, day = 0): Event {
  return { ...processEvent(`devtunnel host -p ${n}`), _time: T0 + day * 86_400 + n };
}

interface Running {
  readonly store: EventStore & { close(): Promise<void> };
  readonly ingest: IngestService;
  readonly writer: DetectWriter;
  readonly stream: SigmaStream;
  readonly log: string[];
}

/** A store, the ingest role, the writer (its streamed writes delayed by `delayMs`) and a stream. */
async function start(
  dir: string,
  workspace: Workspace,
  delayMs: number,
  detect: Record<string, unknown> = {},
): Promise<Running> {
  const store = await openDuckDbStore(dir);
  const ingest = await IngestService.start(store);
  const config = detectConfigSchema.parse({ suppress: 0, ...detect });
  const clock = { now: () => T0 + 3 * 86_400, onChange: () => () => {}, close: () => {} };
  const log: string[] = [];
  const writer = new DetectWriter({
    store,
    ingest,
    clock,
    incidents: { threshold: 1e9, windowSeconds: 86_400 },
    suppressSeconds: 0,
    onAlerts: () => {},
    log: (line) => log.push(line),
    writeDelays: { streamedMs: delayMs, alertMs: delayMs },
  });
  await writer.load();
  const runtime = {
    store,
    writer,
    clock,
    config,
    searches: () => savedSearchesOf(workspace, config),
    workspace: () => workspace,
    disabled: async () => new Set<string>(),
    runSearch: async () => {},
    searchDeps: { indexes: () => ['wineventlog'] },
    maxResultRows: 1000,
    log: (line: string) => log.push(line),
  } as unknown as DetectRuntime;
  const stream = new SigmaStream(runtime, () => new InProcessMatcherPort());
  await stream.load(workspace);
  store.onCommit((c) => stream.committed(c));
  return { store, ingest, writer, stream, log };
}

/** A clean stop: everything matched is written. */
async function stop(r: Running): Promise<void> {
  await r.stream.idle();
  await r.writer.idle();
  await r.stream.close();
  r.writer.close();
  await r.ingest.drain();
  await r.store.close();
}

/** The process dies: what waits in the writer is never written, nothing more commits. */
async function die(r: Running): Promise<void> {
  await r.ingest.drain();
  await r.stream.close();
  await r.writer.idle();
  r.writer.close();
  await r.store.close();
}

/** Risk events per event time (offset from T0). */
async function riskByTime(store: EventStore): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for await (const batch of store.query({
    indexes: ['risk'],
    filter: { kind: 'true' },
    fields: new Set(),
    raw: false,
  })) {
    for (const e of batch) {
      const t = Number(e['_time']) - T0;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return counts;
}

/** Every expected event has the same number (≥ 1) of risk events, and no other event has any. */
function assertOnce(counts: Map<number, number>, expected: readonly number[]): void {
  assert.deepEqual(
    [...counts.keys()].sort((a, b) => a - b),
    [...expected].sort((a, b) => a - b),
  );
  const per = new Set(counts.values());
  assert.equal(per.size, 1, `every event has as many risk events: ${[...counts.entries()]}`);
  assert.ok((counts.get(expected[0] as number) ?? 0) >= 1);
}

test('findings waiting in the writer at a crash, and events never matched, are matched once after it', async () => {
  const dir = path.join(root, 'crash');
  const workspace = workspaceOf('catch-up', rule('Tunnel catch up', 'devtunnel host'));
  // Stored before the stream ever ran: history, not matched.
  const before = await openDuckDbStore(dir);
  await before.write({ events: [hit(1)] });
  await before.close();

  let r = await start(dir, workspace, NEVER);
  await r.store.write({ events: [hit(2), processEvent('notepad.exe'), hit(3)] });
  await r.stream.idle();
  await r.writer.idle();
  assertOnce(await riskByTime(r.store), [2, 3]);
  // Matched, their findings waiting in the writer (and one in another partition)...
  await r.store.write({ events: [hit(4), hit(5, 1)] });
  await r.store.write({ events: [hit(6)] });
  await r.stream.idle();
  assert.equal(r.stream.findings, 5);
  // ...and committed while the stream no longer runs.
  await r.stream.close();
  await r.store.write({ events: [hit(7), hit(8, 1)] });
  await die(r);

  r = await start(dir, workspace, 1000);
  await r.stream.idle();
  await r.writer.idle();
  assertOnce(await riskByTime(r.store), [2, 3, 4, 86_405, 6, 7, 86_408]);
  assert.equal(r.stream.catchUp.events, 5, 'the events after the committed position');
  // Live matching goes on after the catch-up; a clean restart matches nothing again.
  await r.store.write({ events: [hit(9)] });
  await stop(r);
  r = await start(dir, workspace, 1000);
  await r.stream.idle();
  await r.writer.idle();
  assert.equal(r.stream.catchUp.events, 0);
  assertOnce(await riskByTime(r.store), [2, 3, 4, 86_405, 6, 7, 86_408, 9]);
  await stop(r);
});

test('a catch-up past detect.maxStreamCatchUp matches the newest and reports the rest', async () => {
  const dir = path.join(root, 'bound');
  const workspace = workspaceOf('catch-up-bound', rule('Tunnel bound', 'devtunnel host'));
  let r = await start(dir, workspace, NEVER, { maxStreamCatchUp: 2 });
  await r.stream.close();
  await r.store.write({ events: [hit(1), hit(2)] });
  await r.store.write({ events: [hit(3)] });
  await die(r);
  r = await start(dir, workspace, 1000, { maxStreamCatchUp: 2 });
  await r.stream.idle();
  await r.writer.idle();
  assert.equal(r.stream.catchUp.events, 2);
  assert.equal(r.stream.catchUp.skipped, 1);
  assert.match(
    r.log.join('\n'),
    /3 events were committed after the stream's position, more than detect.maxStreamCatchUp \(2\); the oldest 1 are not matched \(1 of index=wineventlog 2024-05-01\)/,
  );
  assertOnce(await riskByTime(r.store), [2, 3]);
  await stop(r);
});
