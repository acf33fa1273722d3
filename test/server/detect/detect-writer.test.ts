// The detect writer: a scheduled run's output is written while Sigma findings keep streaming
// (it used to wait until the stream stopped); suppression and risk incidents computed from its
// in-memory copies of index=risk and the notables write exactly what reading the store wrote,
// across a restart and for late data older than the copies keep; its copies are bounded; writes
// are computed while earlier ones commit; risk events other senders commit join the copies;
// streamed outputs wait a moment to share a write, a run's output does not wait, idle() waits for none.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import type { HuntRule, RiskEvent } from '../../../src/engine/index.ts';
import { ManualClock } from '../../../src/server/detect/detect-clock.ts';
import { DetectWriter } from '../../../src/server/detect/output/detect-writer.ts';
import type { LiveFinding, RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import type { WriteDelays } from '../../../src/server/detect/output/write-delay.ts';
import type { SavedSearch } from '../../../src/server/detect/saved-searches.ts';
import { IngestService } from '../../../src/server/ingest/ingest-service.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import type { EventStore, IndexWrite } from '../../../src/server/store/event-store.ts';

const T0 = Date.UTC(2026, 5, 1) / 1000;
/** Each output written as soon as it comes (the tests of what is written, not of when). */
const NO_DELAYS: WriteDelays = { streamedMs: 0, alertMs: 0 };
/** A store with nothing in it and no commits of others (the writer's copies start empty). */
const EMPTY_STORE = {
  query: () => (async function* () {})(),
  onCommit: () => () => {},
} as unknown as Pick<EventStore, 'query' | 'onCommit'>;
const root = mkdtempSync(path.join(tmpdir(), 'spelunk-writer-'));
after(() => rmSync(root, { recursive: true, force: true }));

function search(name: string, options: Partial<SavedSearch> = {}): SavedSearch {
  return {
    name,
    kind: 'streaming',
    title: name,
    id: undefined,
    type: 'Sigma',
    description: '',
    search: '',
    suppressSeconds: 0,
    alert: false,
    ...options,
  };
}

function finding(on: SavedSearch, time: number, host: string, user = 'alice'): LiveFinding {
  const risk: RiskEvent = {
    time,
    searchName: on.name,
    riskObject: host,
    riskObjectType: 'system',
    riskObjectField: 'dest',
    riskScore: 30,
    riskMessage: `${on.name} on ${host}`,
    threatObjects: [],
    annotations: { mitreAttack: [], mitreTactics: [], analyticStories: [] },
    description: '',
    result: { dest: host, user },
  };
  const rule = { name: on.title, level: 'high', techniques: [] } as unknown as HuntRule;
  return { search: on, rule, fields: { dest: host, user }, time, risks: [risk] };
}

/** A scheduled run of one search at T0 that found nothing. */
function scheduledRun(): RunOutput {
  return {
    runId: 'scheduler_1',
    findings: [],
    run: {
      savedsearch_name: 'ESCU - Scheduled - Rule',
      search_type: 'scheduled',
      status: 'success',
      sid: 'scheduler_1',
      scheduled_time: T0,
      dispatch_time: T0,
      run_time: 0,
      result_count: 0,
    },
  };
}

test('a scheduled run is written while Sigma findings keep streaming', async () => {
  const streaming = search('Sigma - Noisy');
  const writes: IndexWrite[] = [];
  let writer: DetectWriter | undefined;
  let streamed = 0;
  const stream = () => {
    streamed++;
    void writer?.commit({
      runId: `rt_${streamed}`,
      findings: [finding(streaming, T0 + streamed, 'host-1')],
    });
  };
  writer = new DetectWriter({
    store: EMPTY_STORE,
    ingest: {
      // Each commit takes a while, and the stream finds more in the meantime, 50 times over.
      submitOwn: async (write: IndexWrite) => {
        writes.push(write);
        if (streamed < 50) stream();
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    },
    clock: new ManualClock(T0 + 3600),
    incidents: { threshold: 1000, windowSeconds: 3600 },
    suppressSeconds: 0,
    onAlerts: () => {},
    log: () => {},
    writeDelays: NO_DELAYS,
  });
  stream();
  let streamedWhenWritten = -1;
  const run: RunOutput = {
    ...scheduledRun(),
    checkpoints: [{ key: 'schedule:x', position: T0, complete: true, detail: 'scheduled' }],
  };
  const written = writer.commit(run).then(() => {
    streamedWhenWritten = streamed;
  });
  await written;
  await writer.idle();
  assert.equal(streamed, 50);
  const withRun = writes.findIndex((w) => w.events.some((e) => e['sid'] === 'scheduler_1'));
  assert.ok(withRun >= 0 && withRun <= 1, `the run's record came in write ${withRun}`);
  assert.ok(streamedWhenWritten < 50, 'the run was written only once the stream stopped');
});

/** The same outputs written by a writer whose copies answer its reads, and by one that reads the store. */
async function writeAll(
  name: string,
  batches: readonly (readonly RunOutput[])[],
  maxMirroredRisk: number | undefined,
): Promise<{ risk: string[]; notables: string[]; storeReads: number; logs: string[] }> {
  const dir = path.join(root, name);
  const clock = new ManualClock(T0);
  let storeReads = 0;
  const logs: string[] = [];
  for (const batch of batches) {
    // Each batch is one process's life: a restart loads the copies from the store.
    const store = await openDuckDbStore(dir, { memoryLimitMb: 128 });
    const ingest = await IngestService.start(store);
    const writer = new DetectWriter({
      store,
      ingest,
      clock,
      incidents: { threshold: 100, windowSeconds: 3600 },
      suppressSeconds: 900,
      onAlerts: () => {},
      log: (line) => logs.push(line),
      writeDelays: NO_DELAYS,
      ...(maxMirroredRisk === undefined ? {} : { maxMirroredRisk }),
    });
    await writer.load();
    for (const output of batch) {
      // The clock follows the data, as it does live.
      clock.set(Math.max(clock.now(), ...output.findings.map((f) => f.time + 1)));
      await writer.commit(output);
    }
    await writer.idle();
    storeReads += writer.storeReads;
    writer.close();
    await ingest.drain();
    await store.close();
  }
  const store = await openDuckDbStore(dir, { memoryLimitMb: 128 });
  const read = async (index: string, fields: readonly string[]) => {
    const rows: string[] = [];
    for await (const batch of store.query({
      indexes: [index],
      filter: { kind: 'true' },
      fields: 'all',
      raw: false,
    })) {
      for (const event of batch as Event[]) rows.push(JSON.stringify(fields.map((f) => event[f])));
    }
    return rows.sort();
  };
  const risk = await read('risk', ['_time', 'search_name', 'risk_object', 'user', 'orig_sid']);
  const notables = await read('notable', [
    '_time',
    'search_name',
    'risk_object',
    'risk_score',
    'info_min_time',
    'info_max_time',
    'risk_event_count',
    'orig_sid',
  ]);
  await store.close();
  return { risk, notables, storeReads, logs };
}

test('the writer copies of index=risk and the notables decide as reading the store did, across a restart and for late data', {
  timeout: 120_000,
}, async () => {
  const perEntity = search('Sigma - Per entity', { suppressSeconds: 600, alert: true });
  const unsuppressed = search('Sigma - Every finding');
  const throttled = search('ESCU - Throttled - Rule', {
    kind: 'scheduled',
    throttling: { fields: ['user'], periodSeconds: 900 },
  });
  const searches = [perEntity, unsuppressed, throttled];
  // A deterministic pseudo-random sequence: times mostly rising, some late, some a day old.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const outputs: RunOutput[] = [];
  for (let i = 0; i < 60; i++) {
    const findings: LiveFinding[] = [];
    for (let k = 1 + next(4); k > 0; k--) {
      const late = next(20) === 0 ? 86_400 : next(10) === 0 ? 1800 : 0;
      const time = T0 + i * 100 + next(100) - late;
      findings.push(
        finding(
          searches[next(3)] as SavedSearch,
          time,
          `host-${next(3)}`,
          ['alice', 'bob'][next(2)],
        ),
      );
    }
    outputs.push({ runId: `run_${i}`, findings });
  }
  const batches = [outputs.slice(0, 25), outputs.slice(25)];
  const copied = await writeAll('copied', batches, undefined);
  const stored = await writeAll('stored', batches, 1);
  assert.ok(copied.risk.length > 20 && copied.notables.length > 5, 'the sequence raises enough');
  assert.ok(copied.risk.length < outputs.flatMap((o) => o.findings).length, 'some suppressed');
  assert.deepEqual(copied.risk, stored.risk);
  assert.deepEqual(copied.notables, stored.notables);
  // The copies answered all but the late findings' reads; the capped writer read the store.
  assert.ok(copied.storeReads > 0 && copied.storeReads < stored.storeReads / 2);
  assert.ok(stored.logs.some((l) => /reached its cap of 1 events/.test(l)));
});

test('a write is computed while the one before it commits, and suppression still holds', {
  timeout: 60_000,
}, async () => {
  const on = search('Sigma - Per entity', { suppressSeconds: 600 });
  const outputs: RunOutput[] = Array.from({ length: 40 }, (_, i) => ({
    runId: `rt_${i}`,
    findings: [finding(on, T0 + i * 60, `host-${i % 2}`)],
  }));
  const store = await openDuckDbStore(path.join(root, 'pipelined'), { memoryLimitMb: 128 });
  const ingest = await IngestService.start(store);
  const alerts: Event[] = [];
  const writer = new DetectWriter({
    store,
    ingest,
    clock: new ManualClock(T0 + 3600),
    incidents: { threshold: 1000, windowSeconds: 3600 },
    suppressSeconds: 600,
    onAlerts: (a) => alerts.push(...a),
    log: () => {},
    writeDelays: NO_DELAYS,
  });
  await writer.load();
  const summaries = await Promise.all(outputs.map((o) => writer.commit(o)));
  await writer.idle();
  // One risk event per host per 600 s: at minutes 0, 10, 20, 30 (host-0) and 1, 11, 21, 31 (host-1)...
  const raised = summaries.reduce((n, s) => n + s.riskEvents, 0);
  const times: number[] = [];
  for await (const batch of store.query({
    indexes: ['risk'],
    filter: { kind: 'true' },
    fields: new Set(['risk_object']),
    raw: false,
  }))
    for (const e of batch) times.push(Number(e['_time']) - T0);
  assert.equal(times.length, raised);
  assert.deepEqual(
    times.sort((a, b) => a - b),
    [0, 60, 720, 780, 1440, 1500, 2160, 2220],
  );
  assert.equal(
    summaries.reduce((n, s) => n + s.suppressed, 0),
    40 - raised,
  );
  assert.equal(writer.storeReads, 0);
  writer.close();
  await ingest.drain();
  await store.close();
});

test('risk events others commit to index=risk join the copy and suppress as stored ones do', {
  timeout: 60_000,
}, async () => {
  const on = search('Sigma - Per entity', { suppressSeconds: 600 });
  const store = await openDuckDbStore(path.join(root, 'foreign'), { memoryLimitMb: 128 });
  const ingest = await IngestService.start(store);
  const writer = new DetectWriter({
    store,
    ingest,
    clock: new ManualClock(T0 + 3600),
    incidents: { threshold: 1000, windowSeconds: 3600 },
    suppressSeconds: 600,
    onAlerts: () => {},
    log: () => {},
    writeDelays: NO_DELAYS,
  });
  await writer.load();
  // A risk event sent through HEC after the copy was loaded.
  await ingest.submit({
    events: [
      {
        _time: T0 + 100,
        index: 'risk',
        search_name: on.name,
        risk_object: 'HOST-1',
        risk_object_type: 'system',
        risk_score: 30,
      },
    ],
    bytes: 100,
  });
  const summary = await writer.commit({
    runId: 'rt_1',
    findings: [finding(on, T0 + 200, 'host-1'), finding(on, T0 + 200, 'host-2')],
  });
  assert.deepEqual([summary.riskEvents, summary.suppressed], [1, 1]);
  assert.equal(writer.storeReads, 0);
  writer.close();
  await ingest.drain();
  await store.close();
});

/** A writer over an empty store whose writes are collected, with the given alert delay. */
function collectingWriter(alertMs: number): { writer: DetectWriter; writes: IndexWrite[] } {
  const writes: IndexWrite[] = [];
  const writer = new DetectWriter({
    store: EMPTY_STORE,
    ingest: {
      submitOwn: async (write: IndexWrite) => {
        writes.push(write);
      },
    },
    clock: new ManualClock(T0 + 3600),
    incidents: { threshold: 1000, windowSeconds: 3600 },
    suppressSeconds: 0,
    onAlerts: () => {},
    log: () => {},
    writeDelays: { streamedMs: 400, alertMs },
  });
  return { writer, writes };
}

test('streamed outputs share a write within their delay; a run does not wait; idle() writes at once', async () => {
  const streaming = search('Sigma - Noisy');
  const alerting = search('Sigma - Alerting', { alert: true });
  const { writer, writes } = collectingWriter(100);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const streamed = (i: number, on = streaming): RunOutput => ({
    runId: `rt_${i}`,
    findings: [finding(on, T0 + i, `host-${i}`)],
  });
  const pending = [1, 2, 3].map((i) => writer.commit(streamed(i)));
  await sleep(50);
  assert.equal(writes.length, 0, 'streamed outputs wait');
  await writer.commit(scheduledRun());
  await Promise.all(pending);
  assert.equal(writes.length, 1, "the run's output went at once, the waiting ones with it");
  assert.equal(writes[0]?.events.filter((e) => e['index'] === 'risk').length, 3);

  const started = performance.now();
  const quiet = writer.commit(streamed(4));
  await writer.commit(streamed(5, alerting));
  const alerted = performance.now() - started;
  await quiet;
  assert.ok(alerted >= 90 && alerted < 400, `an alerting output waited ${alerted} ms`);
  assert.equal(writes.length, 2, 'the alerting output took the one before it along');
  assert.equal(writes[1]?.events.filter((e) => e['index'] === 'risk').length, 2);

  const before = performance.now();
  void writer.commit(streamed(6));
  await writer.idle();
  assert.ok(performance.now() - before < 300, 'idle() does not wait for the delay');
  assert.equal(writes.length, 3);
  writer.close();
});

test('records (alert deliveries) wait to ride in the next write', async () => {
  const alerting = search('Sigma - Alerting', { alert: true });
  const { writer, writes } = collectingWriter(50);
  const delivery: Event = { _time: T0, index: 'internal', sourcetype: 'alert_action' };
  const recorded = writer.commit({ runId: '', findings: [], records: [delivery] });
  await writer.commit({ runId: 'rt_1', findings: [finding(alerting, T0, 'host-1')] });
  await recorded;
  assert.equal(writes.length, 1, 'the record rode in the alerting write');
  assert.ok(writes[0]?.events.includes(delivery));
  assert.ok(writes[0]?.events.some((e) => e['index'] === 'notable'));
  writer.close();
});
