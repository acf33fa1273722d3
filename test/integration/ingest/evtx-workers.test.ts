// The EVTX reader's worker threads, from dist/ as users run them: the same events, problems and
// _raw as decoding on the main thread, in the same order, damaged files included.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Event } from '../../../src/core/index.ts';
import type { EvtxReadOptions } from '../../../src/ingest/evtx/index.ts';
import type { IngestProblem, ReadOptions } from '../../../src/ingest/read-options.ts';
import { evtxFile, sampleChunk } from '../../ingest/evtx/writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from '../../ingest/evtx/writer/event-template.ts';
import { DIST, distModule, runCli } from '../dist.ts';

type EvtxModule = typeof import('../../../src/ingest/evtx/index.ts');
const { readEvtx } = await distModule<EvtxModule>('ingest/evtx/index.js');

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-evtx-workers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function chunks(count: number, perChunk: number): Uint8Array {
  return evtxFile(
    Array.from({ length: count }, (_, c) =>
      sampleChunk(c * perChunk + 1, perChunk, SAMPLE_TEMPLATE, sampleEvent).finish(),
    ),
  );
}

async function readAll(file: string, options: Partial<ReadOptions>, evtx: EvtxReadOptions) {
  const problems: IngestProblem[] = [];
  const events: Event[] = [];
  const source = readEvtx(
    file,
    { index: 'wineventlog', needRaw: false, onProblem: (p) => problems.push(p), ...options },
    evtx,
  );
  for await (const batch of source) events.push(...batch);
  return { events, problems };
}

for (const workers of [1, 2]) {
  test(`${workers} worker thread(s) give the same events in the same order`, async () => {
    const file = write(`workers${workers}.evtx`, chunks(6, 40));
    const inline = await readAll(file, { needRaw: true }, { workers: 0 });
    const parallel = await readAll(file, { needRaw: true }, { workers });
    assert.equal(parallel.events.length, 240);
    assert.deepEqual(parallel.events, inline.events);
  });
}

test('without code generation from strings, events are the same (built field by field)', () => {
  const file = write('no-codegen.evtx', chunks(6, 40));
  const reader = pathToFileURL(path.join(DIST, 'ingest', 'evtx', 'index.js')).href;
  const script = write(
    'no-codegen.mjs',
    Buffer.from(`
    const { readEvtx } = await import(${JSON.stringify(reader)});
    const events = []; const problems = [];
    for (const workers of [0, 1]) {
      for await (const batch of readEvtx(${JSON.stringify(file)}, { index: 'x', needRaw: true, onProblem: (p) => problems.push(p) }, { workers })) events.push(...batch.map((e) => ({ ...e })));
    }
    console.log(JSON.stringify({ events, problems }));`),
  );
  const run = (flags: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, [...flags, script], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    ) as { events: Event[]; problems: unknown[] };
  const without = run(['--disallow-code-generation-from-strings']);
  assert.deepEqual(without.problems, []);
  assert.equal(without.events.length, 480);
  assert.deepEqual(without.events, run([]).events);
});

test('a file of many read blocks: a worker gives what the main thread gives', async () => {
  const file = write('forty.evtx', chunks(40, 30));
  const inline = await readAll(file, { needRaw: true }, { workers: 0 });
  const eager = await readAll(file, { needRaw: true }, { workers: 1 });
  assert.equal(eager.events.length, 1200);
  assert.deepEqual(eager.events, inline.events);
});

test('workers: 0, 1 and 2 read damaged files alike, with and without recover', async () => {
  const bytes = chunks(40, 30).slice();
  // Chunk 3: damaged signature (recover reads it); chunk 9: a record cut in the middle.
  bytes.fill(0, 0x1000 + 3 * 0x10000, 0x1000 + 3 * 0x10000 + 8);
  bytes.fill(0x5a, 0x1000 + 9 * 0x10000 + 0x400, 0x1000 + 9 * 0x10000 + 0x440);
  const file = write('damaged-many.evtx', bytes);
  for (const recover of [false, true]) {
    for (const needRaw of [false, true]) {
      const inline = await readAll(file, { needRaw }, { workers: 0, recover });
      assert.ok(inline.events.length > 1100, `${inline.events.length} events`);
      assert.ok(inline.problems.length > 0);
      for (const workers of [1, 2]) {
        const parallel = await readAll(file, { needRaw }, { workers, recover });
        assert.deepEqual(parallel.events, inline.events);
        assert.deepEqual(parallel.problems, inline.problems);
      }
    }
  }
});

test('_raw in the evtxexport layout from a worker (spelunk dump --format xml)', async () => {
  const file = write('raw-style.evtx', chunks(6, 40));
  const { events } = await readAll(file, { needRaw: true }, { workers: 1, rawStyle: 'evtxexport' });
  assert.match(
    String(events[0]?.['_raw']),
    /^<Event xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">\n {2}<System>\n/,
  );
});

// Chunk 0 has a damaged signature: its two records are read only with --recover.
const damaged = sampleChunk(1, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
damaged.fill(0, 0, 8);
const damagedFile = write(
  'damaged.evtx',
  evtxFile([
    damaged,
    ...[3, 43, 83].map((n) => sampleChunk(n, 40, SAMPLE_TEMPLATE, sampleEvent).finish()),
  ]),
);

test('dump --threads 2 --recover prints what the main thread prints', async () => {
  const inline = await runCli(['dump', '--recover', '--threads', '1', damagedFile]);
  const threaded = await runCli(['dump', '--recover', '--threads', '2', damagedFile]);
  assert.equal(threaded.status, 0, threaded.stderr);
  assert.equal(threaded.stdout.trimEnd().split('\n').length, 122);
  assert.equal(threaded.stdout, inline.stdout);
});

test('search --threads and --recover give the results of the main thread', async () => {
  const search = async (...flags: string[]) => {
    const run = await runCli([
      'search',
      'index=* | stats count by EventCode',
      damagedFile,
      '--format',
      'json',
      ...flags,
    ]);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const inline = await search('--threads', '1');
  assert.match(inline, /"count":"?120/);
  assert.equal(await search('--threads', '2'), inline);
  assert.match(await search('--recover', '--threads', '2'), /"count":"?122/);
});
