import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { Event } from '../../src/core/event.ts';
import {
  formatInputSummary,
  hasInputProblems,
  problemDiagnostic,
} from '../../src/ingest/input/input-summary.ts';
import { type InputOptions, openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { withoutProvenance } from './helpers/provenance.ts';
import { chunksOf } from './helpers/read-text.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from './helpers/windows-xml.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-open-inputs-'));
after(() => rmSync(root, { recursive: true, force: true }));

function file(relative: string, content: string | Uint8Array): string {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

async function readAll(paths: string[], options: InputOptions = {}) {
  const live: IngestProblem[] = [];
  const inputs = await openInputs(paths, {
    needRaw: false,
    onProblem: (p) => live.push(p),
    ...options,
  });
  const events: Event[] = [];
  for await (const batch of inputs.source) events.push(...batch);
  return { events, live, inputs, summary: inputs.summary() };
}

const mordor = JSON.stringify({
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Hostname: 'WS1',
  '@timestamp': '2024-03-01T10:00:00Z',
  Image: 'C:\\a.exe',
});

test('directories are read recursively in name order; hidden and unknown files are listed, not read', async () => {
  const dir = path.join(root, 'tree');
  file('tree/b/2.json', `${mordor}\n`);
  file('tree/a.xml', eventXml(PROCESS_CREATE));
  file('tree/b/1.log.gz', gzipSync(eventXml(IMAGE_LOAD)));
  file('tree/.hidden.json', `${mordor}\n`);
  file('tree/info.yml', 'id: x\n');
  file('tree/B.csv', `_time,a\n1709287200,x\n`);
  symlinkSync(dir, path.join(dir, 'b', 'loop'));
  const { events, inputs, summary } = await readAll([dir]);
  assert.deepEqual(
    inputs.files.map((f) => path.relative(dir, f)),
    ['B.csv', 'a.xml', 'b/1.log.gz', 'b/2.json'],
  );
  assert.deepEqual(
    events.map((e) => e['EventID'] ?? e['a']),
    ['x', '1', '7', '1'],
  );
  assert.deepEqual(
    summary.files.map((f) => [f.format, f.compressed, f.events]),
    [
      ['csv', false, 1],
      ['xml', false, 1],
      ['xml', true, 1],
      ['jsonl', false, 1],
    ],
  );
  assert.deepEqual(summary.ignored.map((f) => path.relative(dir, f)).sort(), [
    '.hidden.json',
    'info.yml',
  ]);
  assert.equal(hasInputProblems(summary), false);
});

test('a missing path is reported (ING001) and the other paths are still read', async () => {
  const good = file('missing/good.json', `${mordor}\n`);
  const { events, live, summary } = await readAll([path.join(root, 'nope.json'), good]);
  assert.equal(events.length, 1);
  assert.deepEqual(
    live.map((p) => [p.code, p.kind]),
    [['ING001', 'skipped']],
  );
  assert.equal(summary.refusedFiles, 1);
  assert.ok(hasInputProblems(summary));
});

test('files of unknown format or archives are refused whole; a file given twice is read once', async () => {
  const unknown = file('refused/notes.txt', 'just some notes\n');
  const zip = file('refused/logs.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  const good = file('refused/good.json', `${mordor}\n`);
  const { events, live, summary } = await readAll([unknown, zip, good, good]);
  assert.equal(events.length, 1);
  assert.deepEqual(
    live.map((p) => [p.code, path.basename(p.path)]),
    [
      ['ING003', 'notes.txt'],
      ['ING005', 'logs.zip'],
    ],
  );
  assert.equal(summary.files.length, 3);
  assert.match(
    formatInputSummary(summary),
    /notes\.txt: not read: text that is not XML, JSON or CSV/,
  );
});

test('a truncated gzip keeps the events before the damage and reports ING501', async () => {
  const lines = Array.from({ length: 20_000 }, (_, i) =>
    mordor.replace('C:\\\\a.exe', `C:\\\\${i}.exe`),
  ).join('\n');
  const gz = gzipSync(lines);
  const cut = file('gz/cut.json.gz', gz.subarray(0, Math.floor(gz.length * 0.8)));
  const { events, live, summary } = await readAll([cut]);
  assert.ok(events.length > 1000 && events.length < 20_000, `${events.length} events`);
  // Every complete line is read; the line the cut went through is reported, then the cut.
  const complete =
    gunzipSync(gz.subarray(0, Math.floor(gz.length * 0.8)), {
      finishFlush: constants.Z_SYNC_FLUSH,
    })
      .toString()
      .split('\n').length - 1;
  assert.equal(events.length, complete);
  assert.deepEqual(
    live.map((p) => p.code),
    ['ING201', 'ING501'],
  );
  assert.equal(live[1]?.location, `after ${events.length} events`);
  assert.equal(summary.files[0]?.events, events.length);
});

test('- reads stdin (gzip and sniffing included); index and sourcetype options apply', async () => {
  const stdin = chunksOf(gzipSync(`${eventXml(PROCESS_CREATE)}\n`), 5);
  const { events, summary } = await readAll(['-'], {
    stdin,
    index: 'main',
    sourcetype: 'xmlwineventlog',
    needRaw: true,
  });
  assert.equal(events.length, 1);
  assert.equal(events[0]?.['index'], 'main');
  assert.equal(events[0]?.['sourcetype'], 'xmlwineventlog');
  assert.equal(events[0]?.['_raw'], eventXml(PROCESS_CREATE));
  assert.deepEqual(
    summary.files.map((f) => [f.path, f.format, f.compressed]),
    [['-', 'xml', true]],
  );
});

test('--input-format forces a format; an empty file is neither read nor a problem', async () => {
  const odd = file('forced/events.txt', `${mordor}\n`);
  const empty = file('forced/empty.json', '');
  const { events, summary } = await readAll([odd, empty], { inputFormat: 'jsonl' });
  assert.equal(events.length, 1);
  const plain = await readAll([empty]);
  assert.deepEqual(
    plain.summary.files.map((f) => f.format),
    ['empty'],
  );
  assert.equal(hasInputProblems(plain.summary), false);
  assert.equal(summary.files.length, 2);
});

test('problems become diagnostics with code and location; control characters are made visible', () => {
  const diagnostic = problemDiagnostic({
    code: 'ING201',
    path: 'a.json',
    location: 'line 3',
    message: 'bad \u001b[31m',
    kind: 'skipped',
  });
  assert.deepEqual(
    [diagnostic.code, diagnostic.severity, diagnostic.location, diagnostic.message],
    ['ING201', 'error', 'a.json: line 3', 'bad \\u001b[31m'],
  );
  assert.equal(
    problemDiagnostic({ path: 'a', location: 'line 1', message: 'm', kind: 'damaged' }).severity,
    'warning',
  );
});

test('stopping early closes the input; an aborted signal stops the read', async () => {
  const many = file(
    'abort/many.json',
    `${Array.from({ length: 5000 }, () => mordor).join('\n')}\n`,
  );
  const inputs = await openInputs([many, many.replace('many', 'other')], { needRaw: false });
  for await (const batch of inputs.source) {
    assert.ok(batch.length > 0);
    break;
  }
  const controller = new AbortController();
  controller.abort();
  const aborted = await readAll([many], { signal: controller.signal });
  assert.equal(aborted.events.length, 0);
});

test('EVTX is recognised by content and read by the EVTX reader, also gzip-compressed or on stdin', async () => {
  const { evtxFile, sampleChunk } = await import('./evtx/writer/chunk-writer.ts');
  const { SAMPLE_TEMPLATE, sampleEvent } = await import('./evtx/writer/event-template.ts');
  const bytes = evtxFile([sampleChunk(1, 3, SAMPLE_TEMPLATE, sampleEvent).finish()]);
  const plain = file('evtx/sample.dat', bytes);
  const compressed = file('evtx/sample.evtx.gz', gzipSync(bytes));
  const direct = await readAll([plain]);
  const viaGzip = await readAll([compressed]);
  const viaStdin = await readAll(['-'], { stdin: chunksOf(bytes, 4096) });
  assert.equal(direct.events.length, 3);
  assert.deepEqual(
    direct.summary.files.map((f) => f.format),
    ['evtx'],
  );
  assert.deepEqual(withoutProvenance(viaGzip.events), withoutProvenance(direct.events));
  assert.deepEqual(withoutProvenance(viaStdin.events), withoutProvenance(direct.events));
  // Every event names its input.
  assert.deepEqual(
    [direct, viaGzip, viaStdin].map((r) => [...new Set(r.events.map((e) => e['_file']))]),
    [[plain], [compressed], ['-']],
  );
  assert.deepEqual([...direct.live, ...viaGzip.live, ...viaStdin.live], []);
});
