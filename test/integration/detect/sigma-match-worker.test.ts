// Streaming Sigma's matcher on a real worker thread: it matches as the in-process one does; a
// worker that dies on a batch (here: out of its heap) is reported and replaced, the batches it had
// not answered go to the new one, and the batch it died on twice is dropped - later ones match.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import { openWorkspace, type Workspace } from '../../../src/engine/index.ts';
import { detectConfigSchema } from '../../../src/server/config/detect-config-schema.ts';
import type { DetectRuntime } from '../../../src/server/detect/detect-runtime.ts';
import type { RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import { savedSearchesOf } from '../../../src/server/detect/saved-searches.ts';
import {
  InProcessMatcherPort,
  WorkerMatcherPort,
} from '../../../src/server/detect/stream/sigma-match-ports.ts';
import type { SigmaMatcherPort } from '../../../src/server/detect/stream/sigma-match-protocol.ts';
import { SigmaStream } from '../../../src/server/detect/stream/sigma-stream.ts';
import {
  CELL_WIDTH,
  type EncodedEvents,
  TEXT_CELL,
} from '../../../src/server/store/encoded-events.ts';
import { encodeEvents } from '../../../src/server/store/event-encoder.ts';
import type { CommittedEvents } from '../../../src/server/store/event-store.ts';
import { streamStoreFake } from '../../server/detect/stream-store-fake.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-sigma-worker-'));
after(() => rmSync(root, { recursive: true, force: true }));

const RULE = `title: Dev tunnel host
id: 5e1f0c2a-0000-4000-8000-000000000d15
status: test
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: devtunnel host
  condition: selection
level: high
`;

function workspace(): Workspace {
  const file = path.join(root, 'rule.yml');
  writeFileSync(file, RULE);
  return openWorkspace({
    content: [],
    sigma: [file],
    sigmaCacheDir: null,
    without: ['data-models'],
  });
}

function processEvent(commandLine: string): Event {
  return {
    _time: 1_714_550_400,
    index: 'wineventlog',
    host: 'ws1',
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog',
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    Computer: 'ws1',
    CommandLine: commandLine,
    User: 'CORP\\alice',
  };
}

function committed(batch: EncodedEvents): CommittedEvents {
  return {
    count: batch.count,
    rows: [],
    events: () => [],
    encoded: () => [batch],
    eventsOf: () => [],
    hasIndex: (index) => batch.indexNames.includes(index),
  };
}

/** A small batch whose decoding takes ~100 MB: 1,000 events that each read the same 100 KB. */
function poison(): EncodedEvents {
  const count = 1000;
  const bytes = new Uint8Array(100_000).fill(0x61);
  const cells = new Int32Array(count * CELL_WIDTH);
  const firstCell = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    cells.set([0, 0, bytes.length, TEXT_CELL], i * CELL_WIDTH);
    firstCell[i + 1] = i + 1;
  }
  return {
    count,
    times: new Float64Array(count).fill(1_714_550_400),
    indexIds: new Uint16Array(count),
    indexNames: ['wineventlog'],
    names: ['CommandLine'],
    firstCell,
    cells,
    bytes,
  };
}

function streamOf(port: () => SigmaMatcherPort, written: RunOutput[], log: string[]) {
  const ws = workspace();
  const config = detectConfigSchema.parse({});
  const runtime = {
    store: streamStoreFake,
    writer: { commit: async (output: RunOutput) => void written.push(output) },
    clock: { now: () => 1_714_550_400 },
    config,
    searches: () => savedSearchesOf(ws, config),
    searchDeps: { indexes: () => ['wineventlog'] },
    log: (line: string) => log.push(line),
  } as unknown as DetectRuntime;
  return { stream: new SigmaStream(runtime, port), ws };
}

const lines = (written: RunOutput[]) =>
  written.flatMap((w) => w.findings.map((f) => String(f.fields['CommandLine'])));

test('a worker matches as the calling thread does', { timeout: 60_000 }, async () => {
  const batch = () =>
    encodeEvents([
      processEvent('devtunnel host -p 80'),
      processEvent('notepad'),
      processEvent('x devtunnel host'),
    ]);
  const results: RunOutput[][] = [];
  for (const port of [() => new WorkerMatcherPort(), () => new InProcessMatcherPort()]) {
    const written: RunOutput[] = [];
    const { stream, ws } = streamOf(port, written, []);
    await stream.load(ws);
    stream.committed(committed(batch()));
    await stream.idle();
    await stream.close();
    results.push(written);
  }
  assert.deepEqual(lines(results[0] ?? []), ['devtunnel host -p 80', 'x devtunnel host']);
  assert.deepEqual(
    results[0]?.flatMap((w) => w.findings.map((f) => [f.search.name, f.fields, f.time, f.risks])),
    results[1]?.flatMap((w) => w.findings.map((f) => [f.search.name, f.fields, f.time, f.risks])),
  );
});

test('a worker that dies is replaced; what it did not answer is matched; its poison is dropped', {
  timeout: 120_000,
}, async () => {
  const written: RunOutput[] = [];
  const log: string[] = [];
  const { stream, ws } = streamOf(() => new WorkerMatcherPort({ maxHeapMb: 48 }), written, log);
  await stream.load(ws);
  stream.committed(committed(encodeEvents([processEvent('devtunnel host one')])));
  stream.committed(committed(poison()));
  stream.committed(committed(encodeEvents([processEvent('devtunnel host two')])));
  await stream.idle();
  stream.committed(committed(encodeEvents([processEvent('devtunnel host three')])));
  await stream.idle();
  await stream.close();
  assert.deepEqual(lines(written), [
    'devtunnel host one',
    'devtunnel host two',
    'devtunnel host three',
  ]);
  const text = log.join('\n');
  assert.match(text, /the matcher failed \(.*\); a new one takes its place/);
  assert.match(text, /1000 events it failed on twice are dropped/);
  assert.equal(stream.backlog, 0);
});
