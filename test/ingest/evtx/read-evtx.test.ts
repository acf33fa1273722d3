// readEvtx end to end on files the tests write: events, _raw, problems, refusals (worker threads:
// test/integration/ingest/evtx-workers.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticError } from '../../../src/core/diagnostic.ts';
import type { Event } from '../../../src/core/event.ts';
import { type EvtxReadOptions, readEvtx, readEvtxXml } from '../../../src/ingest/evtx/index.ts';
import type { IngestProblem, ReadOptions } from '../../../src/ingest/read-options.ts';
import { tempFile } from './helpers.ts';
import { ChunkWriter, evtxFile, sampleChunk } from './writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from './writer/event-template.ts';

function sixChunks(): Uint8Array {
  return evtxFile(
    Array.from({ length: 6 }, (_, c) =>
      sampleChunk(c * 40 + 1, 40, SAMPLE_TEMPLATE, sampleEvent).finish(),
    ),
  );
}

async function readAll(
  path: string,
  options: Partial<ReadOptions> = {},
  evtx: EvtxReadOptions = { workers: 0 },
) {
  const problems: IngestProblem[] = [];
  const events: Event[] = [];
  let batches = 0;
  const source = readEvtx(
    path,
    { index: 'wineventlog', needRaw: false, onProblem: (p) => problems.push(p), ...options },
    evtx,
  );
  for await (const batch of source) {
    batches++;
    events.push(...batch);
  }
  return { events, problems, batches };
}

test('events carry the System and Data fields and Splunk metadata', async () => {
  const path = tempFile('six.evtx', sixChunks());
  const { events, problems, batches } = await readAll(path);
  assert.equal(events.length, 240);
  assert.deepEqual(problems, []);
  assert.ok(batches >= 1 && batches < 240, 'events come in batches');
  const first = events[0] as Event;
  assert.equal(first['EventCode'], '1');
  assert.equal(first['Computer'], 'ws1.example.test');
  assert.equal(first['CommandLine'], 'cmd.exe /c echo 1 & whoami <in >out');
  assert.equal(first['ProcessId'], '4001');
  assert.equal(first['_time'], 1704164645.001);
  assert.equal(first['index'], 'wineventlog');
  assert.equal(first['host'], 'ws1.example.test');
  assert.equal(first['source'], 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
  assert.equal(first['sourcetype'], 'XmlWinEventLog');
  assert.equal(first['_raw'], undefined, 'no _raw unless asked');
  assert.deepEqual(
    events.map((e) => e['EventRecordID']),
    Array.from({ length: 240 }, (_, i) => String(i + 1)),
  );
});

test('_raw is the record as Windows renders it, when needRaw', async () => {
  const path = tempFile('raw.evtx', sixChunks());
  const { events } = await readAll(path, {
    needRaw: true,
    index: 'main',
    source: 'test.evtx',
    sourcetype: 'custom',
  });
  const first = events[0] as Event;
  assert.match(
    String(first['_raw']),
    /^<Event xmlns='http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event'><System>/,
  );
  assert.match(
    String(first['_raw']),
    /<Data Name='CommandLine'>cmd\.exe \/c echo 1 &amp; whoami &lt;in &gt;out<\/Data>/,
  );
  assert.equal(first['index'], 'main');
  assert.equal(first['source'], 'test.evtx');
  assert.equal(first['sourcetype'], 'custom');
});

test('problems reach onProblem with the path, chunk and offset, and the read carries on', async () => {
  const good = sampleChunk(1, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
  const bad = sampleChunk(3, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
  bad.fill(0x58, 0, 8);
  const path = tempFile('damaged.evtx', evtxFile([bad, good]));
  const { events, problems } = await readAll(path);
  assert.deepEqual(
    events.map((e) => e['EventRecordID']),
    ['1', '2'],
  );
  assert.deepEqual(problems, [
    {
      path,
      location: 'chunk 0 @0x1000',
      code: 'EVTX201',
      message: 'chunk signature is not "ElfChnk\\0"; its records are skipped',
      kind: 'skipped',
    },
  ]);
});

test('recover reads records from a chunk with a damaged header', async () => {
  const bad = sampleChunk(3, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
  bad.fill(0, 0, 8);
  const path = tempFile('recover.evtx', evtxFile([bad]));
  const { events } = await readAll(path, {}, { workers: 0, recover: true });
  assert.deepEqual(
    events.map((e) => e['EventRecordID']),
    ['3', '4'],
  );
});

test('a file header checksum mismatch is reported; the chunks are read', async () => {
  const file = sixChunks();
  file[124] = (file[124] as number) ^ 1;
  const { events, problems } = await readAll(tempFile('header-crc.evtx', file));
  assert.equal(events.length, 240);
  assert.deepEqual(
    problems.map((p) => [p.location, p.kind, p.code]),
    [['file header @0x0', 'damaged', 'EVTX101']],
  );
});

test('a header claiming more chunks than the file holds is reported as a cut file', async () => {
  const file = evtxFile([sampleChunk(1, 3, SAMPLE_TEMPLATE, sampleEvent).finish()], {
    chunkCount: 4,
  });
  const { events, problems } = await readAll(tempFile('short.evtx', file));
  assert.equal(events.length, 3);
  assert.equal(problems[0]?.code, 'EVTX102');
  assert.match(problems[0]?.message ?? '', /^the header claims 4 chunk\(s\) but the file holds 1/);
});

test('a dirty file holding more chunks than its header claims is read in full', async () => {
  const chunks = [1, 2, 3].map((c) =>
    sampleChunk(c * 10, 2, SAMPLE_TEMPLATE, sampleEvent).finish(),
  );
  const file = evtxFile(chunks, { chunkCount: 1, flags: 1 });
  const { events, problems } = await readAll(tempFile('dirty.evtx', file));
  assert.deepEqual(
    events.map((e) => e['EventRecordID']),
    ['10', '11', '20', '21', '30', '31'],
  );
  assert.deepEqual(problems, []);
});

test('a file that is not EVTX is refused with EVTX001 and its path', async () => {
  const path = tempFile('not.evtx', new TextEncoder().encode('<Event/>\n'));
  await assert.rejects(readAll(path), (e: unknown) => {
    assert.ok(e instanceof DiagnosticError);
    assert.equal(e.diagnostics[0]?.code, 'EVTX001');
    assert.equal(e.diagnostics[0]?.location, `${path} @0x0`);
    return true;
  });
});

test('a file with the signature but no header is refused with EVTX002', async () => {
  const path = tempFile('stub.evtx', new TextEncoder().encode('ElfFile\0abc'));
  await assert.rejects(
    readAll(path),
    (e: unknown) => e instanceof DiagnosticError && e.diagnostics[0]?.code === 'EVTX002',
  );
});

test('an aborted read stops early', async () => {
  const chunks = Array.from({ length: 20 }, (_, c) =>
    sampleChunk(c * 60 + 1, 60, SAMPLE_TEMPLATE, sampleEvent).finish(),
  );
  const path = tempFile('abort.evtx', evtxFile(chunks));
  const controller = new AbortController();
  let seen = 0;
  for await (const batch of readEvtx(
    path,
    { index: 'x', needRaw: false, onProblem: () => {}, signal: controller.signal },
    { workers: 0 },
  )) {
    seen += batch.length;
    controller.abort();
  }
  assert.ok(
    seen > 0 && seen < 1200,
    `read ${seen} of 1200 events with an abort after the first batch`,
  );
});

test('a record with no time gets _time 0 and an ING401 problem, as in the XML reader', async () => {
  const chunk = new ChunkWriter();
  const at = chunk.addRecord(5, {
    document: [
      {
        el: 'Event',
        children: [{ el: 'System', children: [{ el: 'EventID', children: [{ text: '1' }] }] }],
      },
    ],
  });
  const { events, problems } = await readAll(tempFile('no-time.evtx', evtxFile([chunk.finish()])));
  assert.equal(events[0]?.['_time'], 0);
  assert.deepEqual(
    problems.map((p) => [p.code, p.kind, p.location, p.message]),
    [
      [
        'ING401',
        'damaged',
        `record 5 @0x${(0x1000 + at).toString(16)}`,
        'no SystemTime or UtcTime: _time is 0',
      ],
    ],
  );
});

test('readEvtxXml gives each record in evtxexport layout', async () => {
  const path = tempFile('xml.evtx', sixChunks());
  const records: string[] = [];
  for await (const batch of readEvtxXml(path, { onProblem: () => {} }, { workers: 0 }))
    records.push(...batch);
  assert.equal(records.length, 240);
  assert.match(
    records[0] ?? '',
    /^<Event xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">\n {2}<System>\n/,
  );
});

/** 40 chunks: the reader's two read buffers (16 chunks each) are each reused. */
function fortyChunks(): Uint8Array {
  return evtxFile(
    Array.from({ length: 40 }, (_, c) =>
      sampleChunk(c * 30 + 1, 30, SAMPLE_TEMPLATE, sampleEvent).finish(),
    ),
  );
}

test('a file of many read blocks: every event, and _raw read after the whole file', async () => {
  const path = tempFile('forty.evtx', fortyChunks());
  const { events } = await readAll(path, { needRaw: true }, { workers: 0 });
  assert.equal(events.length, 1200);
  // Read only now: each _raw is rendered from its chunk's own copy, not the reused buffers.
  events.forEach((event, i) => {
    assert.match(String(event['_raw']), new RegExp(`<EventRecordID>${i + 1}</EventRecordID>`));
    assert.equal(event['EventRecordID'], String(i + 1));
  });
});

test('_raw in the evtxexport layout when asked (spelunk dump --format xml)', async () => {
  const path = tempFile('raw-style.evtx', sixChunks());
  const { events } = await readAll(path, { needRaw: true }, { workers: 0, rawStyle: 'evtxexport' });
  assert.match(
    String(events[0]?.['_raw']),
    /^<Event xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">\n {2}<System>\n/,
  );
});
