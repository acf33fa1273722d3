// `live`: issue 15's figures. Sustained HEC ingest (with acks) into `spelunk serve` with every
// SigmaHQ Windows rule streaming on commit and the built-in pack scheduled (its clock moved one
// hour every 5 s, so its searches run over the data as it arrives), next to the same ingest into
// a server with detection off, run before and after it (target >= 70% of their mean). The clock
// runs 720 times faster than real time, so the pack runs far more often than hourly. While the
// detecting server ingests, a marker event matched by an alerting Sigma rule is sent every 100 ms
// (each without waiting for the one before); the time from its HEC reply (the commit) to the
// webhook call is its latency (target p99 < 2 s). Profiles: SPELUNK_BENCH_SERVER_NODE_ARGS
// ('--cpu-prof --cpu-prof-dir=DIR', server.ts) gives each server the bench starts its own.
// SPELUNK_BENCH_BASE_CLI: another build's CLI (an earlier commit's dist/cli/main.js) also runs
// the detecting server, beside this build's, against the same floors; SPELUNK_BENCH_LIVE_ROUNDS:
// rounds of floor, detecting servers (their order reversed every other round), floor.
// SPELUNK_BENCH_LIVE_PARSE_WORKERS (e.g. `1,2`): this build's detecting server runs once per value
// of `hec.parseWorkers` (the floors keep the default).

import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_TMP, type BenchSection, REPO_ROOT, rate } from '../harness.ts';
import { MARKER_RULE, MARKER_TOKEN, MarkerSender, runDetecting } from '../live-detecting.ts';
import { cpuByThread, threadCpu } from '../thread-cpu.ts';
import { hecIngest, loadavg, readEvents, sampleFile, startServer } from './server.ts';

const HEC_EVENTS = Number(process.env['SPELUNK_BENCH_HEC_EVENTS'] ?? 200_000);
const ACK_TOKEN = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SIGMA_WINDOWS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'sigma', 'rules', 'windows');
const START = Date.UTC(2024, 4, 1, 8) / 1000;

function sigmaFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += sigmaFiles(path.join(dir, entry.name));
    else if (entry.name.endsWith('.yml')) n++;
  }
  return n;
}

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

const section: BenchSection = {
  name: 'live',
  description: `live detection: ${HEC_EVENTS.toLocaleString('en-US')} Sysmon events through HEC with every SigmaHQ Windows rule streaming and the pack scheduled, against detection off`,
  async run() {
    if (!existsSync(SIGMA_WINDOWS)) {
      console.log(`skipped: ${SIGMA_WINDOWS} (the SigmaHQ corpus) is not there`);
      return;
    }
    console.log(`loadavg before: ${loadavg()}`);
    const file = await sampleFile();
    const first = (await readEvents(file, 1).next()).value?.[0];
    if (first === undefined) throw new Error(`${file} holds no event`);
    const root = path.join(BENCH_TMP, 'live');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const tokens = `hec:\n  tokens:\n    - { name: bench, token: ${ACK_TOKEN}, useAck: true }\n    - { name: marker, token: ${MARKER_TOKEN} }\n`;
    let servers = 0;

    // Floor: the same ingest, detection off, before and after the detecting runs (the machine's
    // load moves during a run; the ratio is against their mean).
    const offConfig = path.join(root, 'off.yml');
    writeFileSync(offConfig, `${tokens}detect:\n  enabled: false\n`);
    const floor = async (): Promise<number> => {
      const off = await startServer(path.join(root, `off-${servers++}`), offConfig);
      try {
        const before = threadCpu(off.child.pid as number);
        // SPELUNK_BENCH_LIVE_FLOOR_MARKERS=1: the floor gets the marker events too (the same
        // ingest as the detecting server's, whose markers are ~10 small requests a second).
        const markers = new MarkerSender(off.hec, String(first['_raw']));
        const withMarkers = process.env['SPELUNK_BENCH_LIVE_FLOOR_MARKERS'] === '1';
        const ms = await hecIngest(file, off.hec, () => withMarkers && markers.start());
        await markers.stop();
        const cpu = cpuByThread(before, threadCpu(off.child.pid as number), HEC_EVENTS);
        console.log(
          `floor  detection off: ${rate(HEC_EVENTS, ms)} acked (load ${loadavg()})\n       CPU ${cpu}`,
        );
        return ms;
      } finally {
        off.child.kill('SIGTERM');
        await once(off.child, 'exit');
      }
    };

    const marker = path.join(root, 'marker.yml');
    writeFileSync(marker, MARKER_RULE);
    const onConfig = (workers?: string): string => {
      const file = path.join(root, `on${workers ?? ''}.yml`);
      writeFileSync(
        file,
        // SPELUNK_BENCH_LIVE_ALERT=0: the marker rule raises risk but no alert (no latency then).
        `${tokens}${workers === undefined ? '' : `  parseWorkers: ${workers}\n`}detect:\n  searches:\n    'Sigma - spelunk bench marker': { alert: ${process.env['SPELUNK_BENCH_LIVE_ALERT'] !== '0'}, suppress: 0 }\n`,
      );
      return file;
    };
    const base = process.env['SPELUNK_BENCH_BASE_CLI'];
    const workers = process.env['SPELUNK_BENCH_LIVE_PARSE_WORKERS']?.split(',');
    const builds: { label: string; config: string; cli?: string }[] =
      workers === undefined
        ? [{ label: 'this build', config: onConfig() }]
        : workers.map((n) => ({
            label: `this build, ${n} parse workers`,
            config: onConfig(n),
          }));
    if (base !== undefined) builds.push({ label: 'base build', config: onConfig(), cli: base });
    const rounds = Number(process.env['SPELUNK_BENCH_LIVE_ROUNDS'] ?? 1);
    console.log(`rules  ${sigmaFiles(SIGMA_WINDOWS)} SigmaHQ Windows rule files`);
    for (let round = 0; round < rounds; round++) {
      const offBefore = await floor();
      const runs: { label: string; ms: number }[] = [];
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const run = await runDetecting({
          dataDir: path.join(root, `on-${servers++}`),
          config: build.config,
          sigma: [SIGMA_WINDOWS, marker],
          clock: path.join(root, 'clock'),
          start: START,
          file,
          template: String(first['_raw']),
          events: HEC_EVENTS,
          ...(build.cli === undefined ? {} : { cli: build.cli }),
        });
        runs.push({ label: build.label, ms: run.ms });
        const l = run.latencies;
        console.log(
          `detect ${build.label}: ${rate(HEC_EVENTS, run.ms)} acked (load ${loadavg()})\n` +
            `       alert HEC reply -> webhook, ${l.length} of ${run.markers} markers: p50 ${percentile(l, 50).toFixed(0)} ms, p90 ${percentile(l, 90).toFixed(0)} ms, p99 ${percentile(l, 99).toFixed(0)} ms, max ${percentile(l, 100).toFixed(0)} ms (target p99 < 2000 ms)\n` +
            `       slowest: ${run.slowest}\n` +
            `       CPU ${run.cpu}; peak RSS ${run.peakRssMb.toFixed(0)} MB`,
        );
      }
      const offAfter = await floor();
      const offRate = (HEC_EVENTS / ((offBefore + offAfter) / 2)) * 1000;
      for (const run of runs) {
        const onRate = (HEC_EVENTS / run.ms) * 1000;
        console.log(
          `ratio  ${run.label}: ${((onRate / offRate) * 100).toFixed(0)}% of detection off (mean of the floors before and after; target >= 70%)`,
        );
      }
    }
    console.log(`loadavg after: ${loadavg()}`);
  },
};

export default section;
