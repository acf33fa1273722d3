// `server-hec`: the HEC half of `server`, alone and with where the server's CPU went - the XML
// reader's events/s over the file (the floor), then HEC_EVENTS of the same events sent through HEC
// with acks, the server's CPU per event by thread (main, parse workers, V8's platform threads,
// libuv's pool where DuckDB's statements run, DuckDB's own threads; bench/thread-cpu.ts) read
// from /proc, and its peak RSS. Issue 14's targets are printed beside each figure.
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type BenchSection, rate } from '../harness.ts';
import { cpuByThread, TICKS, threadCpu } from '../thread-cpu.ts';
import {
  type HecSendStats,
  hecIngest,
  loadavg,
  readEvents,
  sampleFile,
  startServer,
  writeHecBenchConfig,
} from './server.ts';

const HEC_EVENTS = Number(process.env['SPELUNK_BENCH_HEC_EVENTS'] ?? 200_000);

/** CPU seconds of process `pid`, its ended threads included; NaN once it is gone. */
function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

function walBytes(dataDir: string): number {
  try {
    return statSync(path.join(dataDir, 'index.duckdb.wal')).size;
  } catch {
    return 0;
  }
}

function statusMb(pid: number, field: string): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** HEC ingest into a fresh server with acks; prints its rate against `readerRate`, CPU and RSS. */
export async function measureHec(
  file: string,
  readerRate: number,
  label = 'HEC',
  parseWorkers?: number,
  cli?: string,
  configExtra = process.env['SPELUNK_BENCH_HEC_CONFIG'] ?? '',
  rawBytes = 0,
): Promise<void> {
  const workers = parseWorkers === undefined ? '' : `  parseWorkers: ${parseWorkers}\n`;
  // SPELUNK_BENCH_HEC_CONFIG: more of the server's YAML config, for experiments (`limits: {...}`).
  const { hecDir, config } = writeHecBenchConfig(`${workers}${configExtra}`);
  const server = await startServer(path.join(hecDir, 'data'), config, [], cli);
  const pid = server.child.pid as number;
  const idle = statusMb(pid, 'VmRSS');
  try {
    // Threads that ended before the sample are not in /proc: sample while they live.
    const before = threadCpu(pid);
    const processBefore = processCpu(pid);
    let last = before;
    // The peak's parts: anonymous memory (heaps, DuckDB's buffers) and mapped files (code).
    let peak = { rss: 0, anon: 0, file: 0 };
    const sampler = setInterval(() => {
      if (server.child.exitCode !== null) return;
      last = threadCpu(pid);
      const rss = statusMb(pid, 'VmRSS');
      if (rss > peak.rss)
        peak = { rss, anon: statusMb(pid, 'RssAnon'), file: statusMb(pid, 'RssFile') };
    }, 250);
    const sent: HecSendStats = { bodies: 0, busyReplies: 0, bodiesRefused: 0 };
    const hecMs = await hecIngest(file, server.hec, undefined, sent);
    clearInterval(sampler);
    last = threadCpu(pid);
    const wal = walBytes(path.join(hecDir, 'data'));
    const hecRate = (HEC_EVENTS / hecMs) * 1000;
    console.log(
      `${label}    ${HEC_EVENTS.toLocaleString('en-US')} XML events, acked: ${rate(HEC_EVENTS, hecMs)} = ${((hecRate / readerRate) * 100).toFixed(0)}% of the reader floor ${rate(readerRate, 1000)} (target >= 50%)`,
    );
    console.log(
      `busy   ${sent.busyReplies} code-9 replies; ${sent.bodiesRefused} of ${sent.bodies} bodies refused at least once (the sender waits 20 ms and resends)`,
    );
    console.log(`CPU    server ${cpuByThread(before, last, HEC_EVENTS)}`);
    console.log(
      `RSS    server peak under sustained ingest: ${statusMb(pid, 'VmHWM').toFixed(0)} MB (target <= 512 MB); at the largest sample ${peak.rss.toFixed(0)} MB = ${peak.anon.toFixed(0)} MB anonymous + ${peak.file.toFixed(0)} MB files; idle after start ${idle.toFixed(0)} MB`,
    );
    // Rows still in the WAL when the last ack turned true are compressed by a checkpoint after
    // this window (at the latest, the stop's): CPU the figure above does not count.
    console.log(
      `WAL    at the last ack: ${(wal / 1e6).toFixed(0)} MB (checkpointed after the CPU window above)`,
    );
    // The rows left in the WAL are compressed by the stop's checkpoint: the CPU through the stop
    // counts them, so builds that defer different amounts compare on it.
    let processLast = processCpu(pid);
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    const poll = setInterval(() => {
      const cpu = processCpu(pid);
      if (!Number.isNaN(cpu)) processLast = cpu;
    }, 20);
    await exited;
    clearInterval(poll);
    console.log(
      `CPU    server through the stop's checkpoint: ${(((processLast - processBefore) / HEC_EVENTS) * 1e6).toFixed(1)} us/event`,
    );
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  }
  // After a clean stop, which checkpoints: the file alone holds the events.
  if (rawBytes > 0) {
    const disk = statSync(path.join(hecDir, 'data', 'index.duckdb')).size;
    console.log(
      `disk   ${(disk / 1e6).toFixed(0)} MB for ${(rawBytes / 1e6).toFixed(0)} MB of _raw: ${(disk / rawBytes).toFixed(3)}x of _raw (target <= 0.25x)`,
    );
  }
}

const section: BenchSection = {
  name: 'server-hec',
  description: `HEC ingest alone: ${HEC_EVENTS.toLocaleString('en-US')} Sysmon XML events with acks against the XML reader, with the server's CPU by thread`,
  async run() {
    console.log(`loadavg before: ${loadavg()}`);
    const file = await sampleFile();
    const started = performance.now();
    let n = 0;
    let rawBytes = 0;
    for await (const events of readEvents(file, HEC_EVENTS * 2)) {
      // The _raw bytes of the events HEC sends (the first HEC_EVENTS).
      for (const e of events) {
        if (n < HEC_EVENTS) rawBytes += Buffer.byteLength(e['_raw'] as string);
        n++;
      }
    }
    const readerRate = (n / (performance.now() - started)) * 1000;
    console.log(
      `floor  XML reader over the file: ${rate(readerRate, 1000)} (${n.toLocaleString('en-US')} events)`,
    );
    // SPELUNK_BENCH_BASE_CLI: another build's CLI (an earlier commit's dist/cli/main.js) measured
    // first in the same run, against the same floor.
    const base = process.env['SPELUNK_BENCH_BASE_CLI'];
    const extra = process.env['SPELUNK_BENCH_HEC_CONFIG'] ?? '';
    // SPELUNK_BENCH_HEC_CONFIG_B: the same build again with other config (`storage: {...}`).
    const other = process.env['SPELUNK_BENCH_HEC_CONFIG_B'];
    const runs: (() => Promise<void>)[] = [];
    if (base !== undefined)
      runs.push(() =>
        measureHec(file, readerRate, 'HEC (base build)', undefined, base, extra, rawBytes),
      );
    runs.push(() => measureHec(file, readerRate, 'HEC', undefined, undefined, extra, rawBytes));
    if (other !== undefined) {
      runs.push(() =>
        measureHec(file, readerRate, 'HEC (config B)', undefined, undefined, other, rawBytes),
      );
    }
    // SPELUNK_BENCH_HEC_ROUNDS: measure each server this many times, in reversed order every other
    // round. On this shared machine the second of two runs of the same build was repeatedly slower
    // (10k vs 6k events/s), so one run each in a fixed order measures the order.
    const rounds = Number(process.env['SPELUNK_BENCH_HEC_ROUNDS'] ?? 1);
    for (let round = 0; round < rounds; round++) {
      for (const run of round % 2 === 0 ? runs : [...runs].reverse()) await run();
    }
    if (process.env['SPELUNK_BENCH_HEC_COMPARE']) {
      await measureHec(file, readerRate, 'HEC, 2 parse workers', 2);
    }
    console.log(`loadavg after: ${loadavg()}`);
  },
};

export default section;
