// Bench `evtx`: the EVTX reader in MB/s and records/s, on one thread and with worker threads,
// next to libevtx's `evtxexport` and a read-and-checksum floor over the same file in the same
// run, on a mix of every corpus file's chunks and on one channel's log; and peak memory on a file
// four times larger, which must not grow with the file.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearCompiledCaches } from '../../src/ingest/evtx/compiled-caches.ts';
import { crc32 } from '../../src/ingest/evtx/crc32.ts';
import { readEvtx, readEvtxXml } from '../../src/ingest/evtx/index.ts';
import {
  type BenchInput,
  CHUNK,
  CORPUS,
  mixInput,
  ONE_CHANNEL,
  oneChannelInput,
} from '../evtx-inputs.ts';
import {
  type BenchSection,
  bestOf,
  CHILD_PEAK_RSS,
  megabytesPerSecond,
  REPO_ROOT,
  rate,
  ratio,
} from '../harness.ts';

const SMALL_MB = 32;
/** Memory is compared between a file of this size and one four times larger. */
const MEMORY_MB = 64;
const REPEAT = 3;
/** Reads before timing in this process: V8 keeps optimizing the reader over the first few. */
const WARM_UP_READS = 2;

/** Events of `file`; `readRaw` reads every event's `_raw`, as a search over `_raw` does. */
async function readEvents(
  file: string,
  workers: number,
  needRaw: boolean,
  readRaw = false,
): Promise<number> {
  let events = 0;
  let rawLength = 0;
  const options = { index: 'x', needRaw, onProblem: () => {} };
  for await (const batch of readEvtx(file, options, { workers })) {
    events += batch.length;
    if (readRaw) for (const event of batch) rawLength += String(event['_raw']).length;
  }
  return rawLength >= 0 ? events : 0;
}

async function readXml(file: string, workers: number): Promise<number> {
  let records = 0;
  for await (const batch of readEvtxXml(file, { onProblem: () => {} }, { workers }))
    records += batch.length;
  return records;
}

/** Best wall and best CPU time (all threads of the process) of `repeat` runs of `fn`. */
async function timed<T>(
  repeat: number,
  fn: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; result: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let cpuMs = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = await fn();
    ms = Math.min(ms, performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { ms, cpuMs, result: result as T };
}

/** Wall and CPU time of `evtxexport -f xml` (CPU from bash's `time`, as Node cannot see it). */
function evtxexport(
  file: string,
): Promise<{ ms: number; cpuMs: number; records: number } | undefined> {
  return new Promise((resolve) => {
    const started = performance.now();
    let records = 0;
    let tail = '';
    let times = '';
    const child = spawn('bash', ['-c', 'time -p evtxexport -f xml "$0"', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.on('data', (text: Buffer) => {
      times += text.toString();
    });
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (text: string) => {
      const joined = tail + text;
      records += joined.split('<Event xmlns').length - 1;
      tail = joined.slice(-16);
    });
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      const user = Number(/user ([\d.]+)/.exec(times)?.[1] ?? Number.NaN);
      const sys = Number(/sys ([\d.]+)/.exec(times)?.[1] ?? Number.NaN);
      const ms = performance.now() - started;
      resolve(code === 0 ? { ms, cpuMs: (user + sys) * 1000, records } : undefined);
    });
  });
}

interface FreshRead {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rss: number;
  readonly heap: number;
  readonly events: number;
}

/**
 * One read of `file` by a fresh process: its wall and CPU time (the process's first read, with
 * V8 compiling the reader and the reader compiling every template; Node's start and the module
 * loading are not counted), peak RSS (MB), and with `sampleHeap` the largest heap still live after
 * a full GC (sampled every 20 batches, which slows the read; garbage awaiting collection makes
 * heap peaks grow with run time).
 */
function freshRead(file: string, needRaw: boolean, sampleHeap: boolean): Promise<FreshRead> {
  // The reader beside this section's own build: compiled (npm run bench) or sources (tsx).
  const here = fileURLToPath(import.meta.url);
  const reader = path.join(
    path.dirname(here),
    '..',
    '..',
    'src',
    'ingest',
    'evtx',
    `index${path.extname(here)}`,
  );
  const script = `${CHILD_PEAK_RSS}
    import { readEvtx } from ${JSON.stringify(reader)};
    let heap = 0; let events = 0; let batches = 0;
    const started = performance.now(); const cpu = process.cpuUsage();
    for await (const batch of readEvtx(${JSON.stringify(file)}, { index: 'x', needRaw: ${needRaw}, onProblem: () => {} }, { workers: 0 })) {
      events += batch.length;
      if (${sampleHeap} && ++batches % 20 === 0) {
        globalThis.gc();
        heap = Math.max(heap, process.memoryUsage().heapUsed);
      }
    }
    const ms = performance.now() - started; const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rss: peakRssMb(), heap: heap / 1048576, events }));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, '--input-type=module', '-e', script],
      (error, stdout) => {
        if (error !== null) reject(error);
        else resolve(JSON.parse(stdout) as FreshRead);
      },
    );
  });
}

function line(
  label: string,
  bytes: number,
  records: number,
  ms: number,
  floorMs?: number,
  peerMs?: number,
): void {
  const parts = [
    `${megabytesPerSecond(bytes, ms).padStart(11)}`,
    `${rate(records, ms).padStart(8)} rec`,
    `${(ms / 1000).toFixed(2)} s`,
  ];
  if (peerMs !== undefined) parts.push(`${ratio(peerMs, ms)} evtxexport`);
  if (floorMs !== undefined) parts.push(`${ratio(ms, floorMs)} of the floor's time`);
  console.log(`  ${label.padEnd(40)} ${parts.join('  ')}`);
}

/** One input: floor, evtxexport, and our reader's first read, unseen-file and known-template reads. */
async function throughput(
  input: BenchInput,
): Promise<{ floorMs: number; peerMs: number | undefined }> {
  const { file } = input;
  const bytes = statSync(file).size;
  console.log(
    `  input: ${path.relative(REPO_ROOT, file)}, ${(bytes / 1e6).toFixed(1)} MB, ${input.label}`,
  );
  const floorMs = await bestOf(REPEAT, () => {
    const data = readFileSync(file);
    for (let at = 4096; at < data.length; at += CHUNK) crc32(data, at, at + CHUNK);
  });
  const peer = await evtxexport(file);
  const first = await freshRead(file, false, false);
  const records = first.events;
  line('floor: read file + CRC-32 of every chunk', bytes, records, floorMs);
  if (peer === undefined)
    console.log('  evtxexport: not installed or failed (apt-get install libevtx-utils)');
  else {
    line('evtxexport -f xml (libevtx)', bytes, peer.records, peer.ms, floorMs);
    console.log(
      `  ${''.padEnd(40)} (CPU ${(peer.cpuMs / 1000).toFixed(2)} s, ${megabytesPerSecond(bytes, peer.cpuMs)} of CPU time)`,
    );
  }
  const cpuLine = (cpuMs: number): void => {
    const peerRatio =
      peer === undefined ? '' : `, ${ratio(peer.cpuMs, cpuMs)} evtxexport by CPU time`;
    console.log(
      `  ${''.padEnd(40)} (CPU ${(cpuMs / 1000).toFixed(2)} s, ${megabytesPerSecond(bytes, cpuMs)} of CPU time${peerRatio})`,
    );
  };
  // A fresh process's first read pays for V8 compiling the reader and for the reader compiling
  // every template, parts plan and event shape. Later reads reuse what the thread compiled (as
  // reading several files of one host does), so a file never seen before is timed with those
  // caches cleared: the reader's throughput once V8 has compiled it.
  line('ours: events, 1 thread, fresh process', bytes, records, first.ms, floorMs, peer?.ms);
  cpuLine(first.cpuMs);
  // This process's own first reads are V8's warm-up, not timed (they are the fresh process's).
  for (let i = 0; i < WARM_UP_READS; i++) {
    clearCompiledCaches();
    await readEvents(file, 0, false);
  }
  const unseen = await timed(REPEAT, () => {
    clearCompiledCaches();
    return readEvents(file, 0, false);
  });
  line('ours: events, 1 thread, unseen file', bytes, records, unseen.ms, floorMs, peer?.ms);
  cpuLine(unseen.cpuMs);
  const known = await timed(REPEAT, () => readEvents(file, 0, false));
  line('ours: events, 1 thread, templates known', bytes, records, known.ms, floorMs, peer?.ms);
  cpuLine(known.cpuMs);
  return { floorMs, peerMs: peer?.ms };
}

/** `_raw`, XML output and worker threads, on one input. */
async function variants(
  file: string,
  { floorMs, peerMs }: { floorMs: number; peerMs: number | undefined },
): Promise<void> {
  const bytes = statSync(file).size;
  const records = await readEvents(file, 0, false);
  const cases: [string, () => Promise<number>][] = [
    ['ours: events + lazy _raw (unread), 1 thread', () => readEvents(file, 0, true)],
    ['ours: events, _raw read, 1 thread', () => readEvents(file, 0, true, true)],
    ['ours: XML records (dump), 1 thread', () => readXml(file, 0)],
  ];
  const cores = availableParallelism();
  for (const workers of [...new Set([1, Math.max(1, cores - 1), cores])]) {
    cases.push([
      `ours: events, ${workers} worker(s) (${cores} cores)`,
      () => readEvents(file, workers, false),
    ]);
  }
  for (const [label, run] of cases) {
    line(label, bytes, records, await bestOf(REPEAT, run), floorMs, peerMs);
  }
}

const section: BenchSection = {
  name: 'evtx',
  description: 'EVTX decoding: one thread, worker threads, evtxexport, memory vs file size',
  async run() {
    if (!existsSync(path.join(CORPUS, 'evtx'))) {
      console.log(`  skipped: no corpus at ${CORPUS} (its EVTX chunks are the input)`);
      return;
    }
    const mix = mixInput(SMALL_MB);
    if (mix === undefined) {
      console.log(
        '  skipped: no corpus EVTX file that evtxexport reads (apt-get install libevtx-utils)',
      );
      return;
    }
    await variants(mix.file, await throughput(mix));
    console.log('');
    const oneChannel = oneChannelInput(SMALL_MB);
    if (oneChannel === undefined)
      console.log(`  one-channel input skipped: no ${ONE_CHANNEL} in ${CORPUS}`);
    else await throughput(oneChannel);

    // Both sizes are past the first pass over the mix's chunks, where the compiled caches fill
    // (the heap levels off there), so what differs is the file size alone.
    const [smaller, larger] = [MEMORY_MB, MEMORY_MB * 4].map(
      // The chunks of the mix above: there are some.
      (megabytes) => (mixInput(megabytes) as BenchInput).file,
    ) as [string, string];
    const memSmall = await freshRead(smaller, true, true);
    const memLarge = await freshRead(larger, true, true);
    console.log(
      `\n  peak memory, events + _raw, 1 thread: ${(statSync(smaller).size / 1e6).toFixed(0)} MB file: RSS ${memSmall.rss.toFixed(0)} MB, live heap ${memSmall.heap.toFixed(0)} MB; ${(statSync(larger).size / 1e6).toFixed(0)} MB file: RSS ${memLarge.rss.toFixed(0)} MB, live heap ${memLarge.heap.toFixed(0)} MB (${ratio(memLarge.rss, memSmall.rss)} RSS for 4x the bytes)`,
    );
  },
};

export default section;
