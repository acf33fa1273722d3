// Bench `evtx`: the EVTX reader in MB/s and records/s, on one thread and with worker threads,
// next to libevtx's `evtxexport` and a read-and-checksum floor over the same file in the same
// run; and peak memory on a file four times larger, which must not grow with the file.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearCompiledCaches } from '../../src/ingest/evtx/compiled-caches.ts';
import { crc32 } from '../../src/ingest/evtx/crc32.ts';
import { readEvtx, readEvtxXml } from '../../src/ingest/evtx/index.ts';
import {
  BENCH_TMP,
  type BenchSection,
  bestOf,
  megabytesPerSecond,
  REPO_ROOT,
  rate,
  ratio,
} from '../harness.ts';

const CORPUS = path.resolve(
  process.env['SPELUNK_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'),
);
const CHUNK = 0x10000;
const SMALL_MB = 32;
const REPEAT = 3;

function evtxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return evtxFiles(full);
      return name.endsWith('.evtx') ? [full] : [];
    });
}

/** Whether libevtx exports the whole file (so that it can be timed on the same bytes). */
function libevtxReads(file: string): boolean {
  try {
    execFileSync('evtxexport', ['-f', 'xml', file], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Intact chunks (signature and both checksums right) of the corpus EVTX files libevtx reads in
 * full, deduplicated.
 */
function corpusChunks(): Buffer[] {
  const seen = new Set<number>();
  const chunks: Buffer[] = [];
  for (const file of evtxFiles(path.join(CORPUS, 'evtx')).filter(libevtxReads)) {
    const bytes = readFileSync(file);
    for (let at = 4096; at + CHUNK <= bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      if (chunk.toString('latin1', 0, 8) !== 'ElfChnk\0') continue;
      const free = chunk.readUInt32LE(48);
      if (free < 512 || free > CHUNK || (chunk.readUInt32LE(120) & 4) !== 0) continue;
      const headerCrc = crc32(chunk, 128, 512, crc32(chunk, 0, 120));
      if (
        headerCrc !== chunk.readUInt32LE(124) ||
        crc32(chunk, 512, free) !== chunk.readUInt32LE(52)
      )
        continue;
      if (seen.has(headerCrc)) continue;
      seen.add(headerCrc);
      chunks.push(chunk);
    }
  }
  return chunks;
}

/** The chunks, kept in BENCH_TMP so that later runs skip the libevtx screening. */
function cachedChunks(): Buffer[] {
  const cache = path.join(BENCH_TMP, 'evtx-chunks.bin');
  if (existsSync(cache)) {
    const bytes = readFileSync(cache);
    return Array.from({ length: bytes.length / CHUNK }, (_, i) =>
      bytes.subarray(i * CHUNK, (i + 1) * CHUNK),
    );
  }
  const chunks = corpusChunks();
  mkdirSync(BENCH_TMP, { recursive: true });
  writeFileSync(cache, Buffer.concat(chunks));
  return chunks;
}

/** A file of `megabytes` MB cycling through `chunks`, with a valid file header. */
function buildFile(name: string, chunks: readonly Buffer[], megabytes: number): string {
  const file = path.join(BENCH_TMP, name);
  const count = Math.floor((megabytes * 1e6) / CHUNK);
  if (existsSync(file) && statSync(file).size === 4096 + count * CHUNK) return file;
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(BigInt(count - 1), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(count & 0xffff, 42);
  header.writeUInt32LE(crc32(header, 0, 120), 124);
  const body = Buffer.allocUnsafe(count * CHUNK);
  for (let i = 0; i < count; i++) (chunks[i % chunks.length] as Buffer).copy(body, i * CHUNK);
  mkdirSync(BENCH_TMP, { recursive: true });
  writeFileSync(file, Buffer.concat([header, body]));
  return file;
}

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

/**
 * Peak RSS (MB) of a fresh process reading `file`, and the largest heap still live after a full
 * GC (sampled every 20 batches): garbage awaiting collection makes heap peaks grow with run time.
 */
function peakMemory(file: string): Promise<{ rss: number; heap: number; events: number }> {
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
  const script = `
    import { readEvtx } from ${JSON.stringify(reader)};
    let heap = 0; let events = 0; let batches = 0;
    for await (const batch of readEvtx(${JSON.stringify(file)}, { index: 'x', needRaw: true, onProblem: () => {} }, { workers: 0 })) {
      events += batch.length;
      if (++batches % 20 === 0) {
        globalThis.gc();
        heap = Math.max(heap, process.memoryUsage().heapUsed);
      }
    }
    console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS / 1024, heap: heap / 1048576, events }));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, '--input-type=module', '-e', script],
      (error, stdout) => {
        if (error !== null) reject(error);
        else resolve(JSON.parse(stdout) as { rss: number; heap: number; events: number });
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

const section: BenchSection = {
  name: 'evtx',
  description: 'EVTX decoding: one thread, worker threads, evtxexport, memory vs file size',
  async run() {
    if (!existsSync(path.join(CORPUS, 'evtx'))) {
      console.log(`  skipped: no corpus at ${CORPUS} (its EVTX chunks are the input)`);
      return;
    }
    const chunks = cachedChunks();
    const small = buildFile(`evtx-mix-${SMALL_MB}m.evtx`, chunks, SMALL_MB);
    const large = buildFile(`evtx-mix-${SMALL_MB * 4}m.evtx`, chunks, SMALL_MB * 4);
    const bytes = statSync(small).size;
    console.log(
      `  input: ${path.relative(REPO_ROOT, small)}, ${(bytes / 1e6).toFixed(1)} MB cycling ${chunks.length} intact corpus chunks`,
    );

    const floorMs = await bestOf(REPEAT, () => {
      const data = readFileSync(small);
      for (let at = 4096; at < data.length; at += CHUNK) crc32(data, at, at + CHUNK);
    });
    const peer = await evtxexport(small);
    // The process's first read pays for JIT warm-up and for compiling every template, parts plan
    // and event shape; later reads reuse what the thread compiled (as reading several files of
    // one host does), so a file never seen before is timed with those caches cleared.
    const first = await timed(1, () => readEvents(small, 0, false));
    const records = first.result;
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
    line('ours: events, 1 thread, first read', bytes, records, first.ms, floorMs, peer?.ms);
    cpuLine(first.cpuMs);
    const fresh = await timed(REPEAT, () => {
      clearCompiledCaches();
      return readEvents(small, 0, false);
    });
    line('ours: events, 1 thread, unseen file', bytes, records, fresh.ms, floorMs, peer?.ms);
    cpuLine(fresh.cpuMs);
    const warm = await timed(REPEAT, () => readEvents(small, 0, false));
    line('ours: events, 1 thread, templates known', bytes, records, warm.ms, floorMs, peer?.ms);
    cpuLine(warm.cpuMs);
    line(
      'ours: events + lazy _raw (unread), 1 thread',
      bytes,
      records,
      await bestOf(REPEAT, () => readEvents(small, 0, true)),
      floorMs,
      peer?.ms,
    );
    line(
      'ours: events, _raw read, 1 thread',
      bytes,
      records,
      await bestOf(REPEAT, () => readEvents(small, 0, true, true)),
      floorMs,
      peer?.ms,
    );
    line(
      'ours: XML records (dump), 1 thread',
      bytes,
      records,
      await bestOf(REPEAT, () => readXml(small, 0)),
      floorMs,
      peer?.ms,
    );
    const cores = availableParallelism();
    for (const workers of [...new Set([1, Math.max(1, cores - 1), cores])]) {
      const ms = await bestOf(REPEAT, () => readEvents(small, workers, false));
      line(
        `ours: events, ${workers} worker(s) (${cores} cores)`,
        bytes,
        records,
        ms,
        floorMs,
        peer?.ms,
      );
    }

    const memSmall = await peakMemory(small);
    const memLarge = await peakMemory(large);
    console.log(
      `  peak memory, events + _raw, 1 thread: ${(bytes / 1e6).toFixed(0)} MB file: RSS ${memSmall.rss.toFixed(0)} MB, live heap ${memSmall.heap.toFixed(0)} MB; ${(statSync(large).size / 1e6).toFixed(0)} MB file: RSS ${memLarge.rss.toFixed(0)} MB, live heap ${memLarge.heap.toFixed(0)} MB (${ratio(memLarge.rss, memSmall.rss)} RSS for 4x the bytes)`,
    );
  },
};

export default section;
