// `server`: the index of `spelunk serve` next to floors measured in the same run - HEC ingest with
// acks against the XML reader's events/s on the same events, disk bytes per byte of `_raw`, the
// seed 000 search bounded to one day of 1M stored events against the same search over the XML
// file, `stats count by host EventCode` over the store against over the file, and the server's
// peak RSS under sustained ingest. Targets from issue 14 are printed beside each figure.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Event } from '../../src/core/event.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import { runIndexSearch } from '../../src/server/search/index-search.ts';
import { openSearchWorkspace } from '../../src/server/search/search-workspace.ts';
import { openDuckDbStore } from '../../src/server/store/duckdb-store.ts';
import {
  generateSysmonSample,
  SEED_IDE_TUNNELING_SEARCH,
  SEED_SOURCETYPE,
} from '../../test/fixtures/seed-sample.ts';
import { BENCH_TMP, type BenchSection, bestOf, REPO_ROOT, rate, ratio } from '../harness.ts';

const EVENTS = Number(process.env['SPELUNK_BENCH_SERVER_EVENTS'] ?? 1_000_000);
const HEC_EVENTS = Number(process.env['SPELUNK_BENCH_HEC_EVENTS'] ?? 200_000);
const HEC_SENDERS = 4;
const HEC_BATCH = 500;
const TOKEN = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const START = Date.UTC(2024, 4, 1, 8) / 1000;
const DAY = 86_400;

export async function sampleFile(): Promise<string> {
  mkdirSync(BENCH_TMP, { recursive: true });
  const file = path.join(BENCH_TMP, `server-sysmon-${EVENTS}.xml`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.part`);
  for (const line of generateSysmonSample(EVENTS)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.part`, file);
  return file;
}

export async function* readEvents(
  file: string,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<Event[]> {
  const inputs = await openInputs([file], { sourcetype: SEED_SOURCETYPE });
  let n = 0;
  for await (const batch of inputs.source) {
    const room = limit - n;
    if (room <= 0) return;
    const taken = batch.length <= room ? (batch as Event[]) : batch.slice(0, room);
    n += taken.length;
    yield taken;
  }
}

const workspace = openSearchWorkspace();

async function overFile(
  spl: string,
  file: string,
  range: { earliest?: string; latest?: string } = {},
): Promise<number> {
  const compiled = workspace.compileSearch(spl, { timeRange: range });
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  let rows = 0;
  await runPlansOverInputs(
    [{ plan: compiled.value, context: { emit: (r) => (rows += r.length) } }],
    [file],
    {
      knowledge: workspace.knowledge,
      input: { sourcetype: SEED_SOURCETYPE },
    },
  );
  return rows;
}

export function loadavg(): string {
  return readFileSync('/proc/loadavg', 'utf8').trim();
}

function peakRssMb(pid: number): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return hwm ? Number(hwm[1]) / 1024 : Number.NaN;
}

export async function startServer(
  dataDir: string,
  config: string,
  extra: readonly string[] = [],
  cli = path.join(REPO_ROOT, '.bench-build', 'src', 'cli', 'main.js'),
): Promise<{ child: ChildProcess; hec: string }> {
  // SPELUNK_BENCH_SERVER_NODE_ARGS: flags for the server's node (`--cpu-prof --cpu-prof-dir=DIR`).
  const nodeArgs = (process.env['SPELUNK_BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      cli,
      'serve',
      '--data',
      dataDir,
      '--config',
      config,
      '--hec-port',
      '0',
      '--rest-port',
      '0',
      '--no-ui',
      '--password',
      'bench-password-1',
      ...extra,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const hec = /HEC\s+(\S+)/.exec(line)?.[1];
    if (hec) return { child, hec };
  }
  throw new Error('spelunk serve did not start');
}

/** HEC_EVENTS events, as XML strings in envelopes, sent with acks by several senders; ms until all are acked. */
/** What the senders met: code-9 (busy) replies, and bodies refused at least once. */
export interface HecSendStats {
  bodies: number;
  busyReplies: number;
  bodiesRefused: number;
}

export async function hecIngest(
  file: string,
  hec: string,
  onStart: () => void = () => {},
  stats: HecSendStats = { bodies: 0, busyReplies: 0, bodiesRefused: 0 },
): Promise<number> {
  const bodies: string[] = [];
  let batch: string[] = [];
  for await (const events of readEvents(file, HEC_EVENTS)) {
    for (const e of events) {
      batch.push(JSON.stringify({ event: e['_raw'], sourcetype: SEED_SOURCETYPE }));
      if (batch.length === HEC_BATCH) {
        bodies.push(batch.join('\n'));
        batch = [];
      }
    }
  }
  if (batch.length > 0) bodies.push(batch.join('\n'));
  const started = performance.now();
  onStart();
  let next = 0;
  const sender = async (i: number) => {
    const channel = `a1b2c3d4-0000-4000-8000-00000000000${i}`;
    const headers = { Authorization: `Splunk ${TOKEN}`, 'X-Splunk-Request-Channel': channel };
    const pending: number[] = [];
    const poll = async () => {
      const answer = (await (
        await fetch(`${hec}/services/collector/ack`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ acks: pending }),
        })
      ).json()) as { acks: Record<string, boolean> };
      for (let k = pending.length - 1; k >= 0; k--)
        if (answer.acks[String(pending[k])]) pending.splice(k, 1);
    };
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      stats.bodies++;
      for (let attempt = 0; ; attempt++) {
        const reply = (await (
          await fetch(`${hec}/services/collector/event`, { method: 'POST', headers, body })
        ).json()) as { code: number; ackId?: number };
        if (reply.code === 0 && reply.ackId !== undefined) {
          pending.push(reply.ackId);
          break;
        }
        if (reply.code !== 9) throw new Error(`HEC: ${JSON.stringify(reply)}`);
        stats.busyReplies++;
        if (attempt === 0) stats.bodiesRefused++;
        await new Promise((r) => setTimeout(r, 20));
      }
      if (pending.length >= 8) await poll();
    }
    while (pending.length > 0) {
      await poll();
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all(Array.from({ length: HEC_SENDERS }, (_, i) => sender(i)));
  return performance.now() - started;
}

const section: BenchSection = {
  name: 'server',
  description: `spelunk serve's index: ${EVENTS.toLocaleString('en-US')} Sysmon events stored, ${HEC_EVENTS.toLocaleString('en-US')} sent through HEC with acks`,
  async run() {
    console.log(`loadavg before: ${loadavg()}`);
    const file = await sampleFile();
    let readCount = 0;
    const readMs = await bestOf(1, async () => {
      readCount = 0;
      for await (const events of readEvents(file)) readCount += events.length;
    });
    const readerRate = (readCount / readMs) * 1000;
    console.log(
      `floor  XML reader over the file: ${rate(readCount, readMs)} (${(statSync(file).size / 1e6).toFixed(0)} MB, ${readCount.toLocaleString('en-US')} events)`,
    );

    const dir = path.join(BENCH_TMP, 'server-store');
    rmSync(dir, { recursive: true, force: true });
    const store = await openDuckDbStore(dir, { memoryLimitMb: 256 });
    let rawBytes = 0;
    const storeStarted = performance.now();
    let pending: Event[] = [];
    for await (const events of readEvents(file)) {
      for (const e of events) rawBytes += Buffer.byteLength(e['_raw'] as string);
      pending.push(...events);
      if (pending.length >= 20_000) {
        await store.write({ events: pending });
        pending = [];
      }
    }
    await store.write({ events: pending });
    const storeMs = performance.now() - storeStarted;
    await store.close();
    const diskBytes = statSync(path.join(dir, 'index.duckdb')).size;
    console.log(
      `store  ${EVENTS.toLocaleString('en-US')} events read and written in 20k-event commits: ${rate(EVENTS, storeMs)} (reader floor ${rate(readCount, readMs)})`,
    );
    console.log(
      `disk   ${(diskBytes / 1e6).toFixed(0)} MB for ${(rawBytes / 1e6).toFixed(0)} MB of _raw: ${(diskBytes / rawBytes).toFixed(3)}x of _raw (target <= 0.25x)`,
    );

    const opened = await openDuckDbStore(dir, { memoryLimitMb: 256 });
    const deps = {
      store: opened,
      workspace,
      indexes: () => ['wineventlog', 'main'],
      defaultIndexes: ['*'],
    };
    // A whole day in the middle of the sample (events are one second apart).
    const middle = Math.max(0, Math.floor(EVENTS / DAY / 2) - 1);
    const day = {
      earliest: String(START + middle * DAY),
      latest: String(START + (middle + 1) * DAY),
    };
    let indexRows = 0;
    const seedIndexMs = await bestOf(3, async () => {
      indexRows = 0;
      await runIndexSearch({ spl: SEED_IDE_TUNNELING_SEARCH, timeRange: day }, deps, {
        emit: (r) => (indexRows += r.length),
        message: () => {},
        scanned: () => {},
      });
    });
    let fileRows = 0;
    const seedFileMs = await bestOf(1, async () => {
      fileRows = await overFile(SEED_IDE_TUNNELING_SEARCH, file, day);
    });
    console.log(
      `seed 000, one day of ${EVENTS.toLocaleString('en-US')}: index ${seedIndexMs.toFixed(0)} ms, XML file ${seedFileMs.toFixed(0)} ms: ${ratio(seedFileMs, seedIndexMs)} faster (target > 1x); ${indexRows} rows both ways${indexRows === fileRows ? '' : ` (file: ${fileRows}!)`}`,
    );
    const stats = 'index=wineventlog | stats count by host EventCode';
    const statsIndexMs = await bestOf(3, async () => {
      await runIndexSearch({ spl: stats }, deps, {
        emit: () => {},
        message: () => {},
        scanned: () => {},
      });
    });
    const statsFileMs = await bestOf(1, () => overFile(stats, file));
    console.log(
      `stats count by host EventCode over ${EVENTS.toLocaleString('en-US')}: index ${statsIndexMs.toFixed(0)} ms, XML file ${statsFileMs.toFixed(0)} ms: ${ratio(statsFileMs, statsIndexMs)} faster (target >= 10x)`,
    );
    await opened.close();

    const { hecDir, config } = writeHecBenchConfig();
    const server = await startServer(path.join(hecDir, 'data'), config);
    try {
      const hecMs = await hecIngest(file, server.hec);
      const hecRate = (HEC_EVENTS / hecMs) * 1000;
      console.log(
        `HEC    ${HEC_EVENTS.toLocaleString('en-US')} XML events, ${HEC_SENDERS} senders, ${HEC_BATCH} per request, acked: ${rate(HEC_EVENTS, hecMs)} = ${((hecRate / readerRate) * 100).toFixed(0)}% of the reader floor (target >= 50%)`,
      );
      console.log(
        `RSS    server peak under sustained ingest: ${peakRssMb(server.child.pid as number).toFixed(0)} MB (target <= 512 MB)`,
      );
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    console.log(`loadavg after: ${loadavg()}`);
  },
};

export default section;

/** A fresh `.bench-tmp/server-hec` with a config holding the bench's acking HEC token and `extra` YAML. */
export function writeHecBenchConfig(extra = ''): { hecDir: string; config: string } {
  const hecDir = path.join(BENCH_TMP, 'server-hec');
  rmSync(hecDir, { recursive: true, force: true });
  mkdirSync(hecDir, { recursive: true });
  const config = path.join(hecDir, 'spelunk.yml');
  writeFileSync(
    config,
    `hec:\n  tokens:\n    - name: bench\n      token: ${TOKEN}\n      useAck: true\n${extra}\n`,
  );
  return { hecDir, config };
}
