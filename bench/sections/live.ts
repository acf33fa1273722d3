// `live`: issue 15's figures. Sustained HEC ingest (with acks) into `spelunk serve` with every
// SigmaHQ Windows rule streaming on commit and the built-in pack scheduled (its clock moved one
// hour every 5 s, so its searches run over the data as it arrives), next to the same ingest into
// a server with detection off, run before and after it (target >= 70% of their mean). The clock
// runs 720 times faster than real time, so the pack runs far more often than hourly. While the
// detecting server ingests, a marker event matched by an alerting Sigma rule is sent every 100 ms
// (each without waiting for the one before); the time from its HEC reply (the commit) to the
// webhook call is its latency (target p99 < 2 s). Profiles: SPELUNK_BENCH_SERVER_NODE_ARGS
// ('--cpu-prof --cpu-prof-dir=DIR', server.ts) gives each server the bench starts its own.

import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BENCH_TMP, type BenchSection, REPO_ROOT, rate } from '../harness.ts';
import { hecIngest, loadavg, readEvents, sampleFile, startServer } from './server.ts';

const HEC_EVENTS = Number(process.env['SPELUNK_BENCH_HEC_EVENTS'] ?? 200_000);
const ACK_TOKEN = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const MARKER_TOKEN = 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SIGMA_WINDOWS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'sigma', 'rules', 'windows');
const START = Date.UTC(2024, 4, 1, 8) / 1000;
const HOUR = 3600;

const MARKER_RULE = `title: spelunk bench marker
id: 5e1f0c2a-0000-4000-8000-00000000b0b0
status: test
description: The benchmark's marker events.
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: spelunk-bench-marker
  condition: selection
level: high
`;

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
    const template = { _raw: String(first['_raw']) };
    const root = path.join(BENCH_TMP, 'live');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const tokens = `hec:\n  tokens:\n    - { name: bench, token: ${ACK_TOKEN}, useAck: true }\n    - { name: marker, token: ${MARKER_TOKEN} }\n`;

    // Floor: the same ingest, detection off, before and after the detecting run (the machine's
    // load moves during a run; the ratio is against their mean).
    const offConfig = path.join(root, 'off.yml');
    writeFileSync(offConfig, `${tokens}detect:\n  enabled: false\n`);
    const floor = async (name: string): Promise<number> => {
      const off = await startServer(path.join(root, name), offConfig);
      try {
        const ms = await hecIngest(file, off.hec);
        console.log(`floor  detection off (${name}): ${rate(HEC_EVENTS, ms)} acked`);
        return ms;
      } finally {
        off.child.kill('SIGTERM');
        await once(off.child, 'exit');
      }
    };
    const offBefore = await floor('off-before');

    // Detecting: every SigmaHQ Windows rule, the marker rule alerting, the pack on a moving clock.
    const marker = path.join(root, 'marker.yml');
    writeFileSync(marker, MARKER_RULE);
    const clock = path.join(root, 'clock');
    writeFileSync(clock, String(START + 60));
    const received = new Map<number, number>();
    const hook = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const at = performance.now();
        const text = Buffer.concat(chunks).toString('utf8');
        const n = /spelunk-bench-marker-(\d+)/.exec(text)?.[1];
        if (n !== undefined && !received.has(Number(n))) received.set(Number(n), at);
        response.writeHead(200).end();
      });
    });
    hook.listen(0, '127.0.0.1');
    await once(hook, 'listening');
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
    const onConfig = path.join(root, 'on.yml');
    writeFileSync(
      onConfig,
      `${tokens}detect:\n  searches:\n    'Sigma - spelunk bench marker': { alert: true, suppress: 0 }\n`,
    );
    const startedAt = performance.now();
    const on = await startServer(path.join(root, 'on-data'), onConfig, [
      '--sigma',
      SIGMA_WINDOWS,
      '--sigma',
      marker,
      '--clock-file',
      clock,
      '--alert-webhook',
      hookUrl,
    ]);
    console.log(
      `start  ${sigmaFiles(SIGMA_WINDOWS)} SigmaHQ Windows rule files loaded and compiled, server up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    const sent = new Map<number, number>();
    let onMs: number;
    try {
      let hour = START;
      const ticker = setInterval(() => {
        hour += HOUR;
        writeFileSync(clock, String(hour + 60));
      }, 5000);
      // A marker every 100 ms once the ingest runs, each sent without waiting for the last one's
      // reply (which comes when it is committed): its latency counts from that reply.
      const sending = new Set<Promise<void>>();
      const send = async (i: number) => {
        const xml = template._raw.replace(
          /(<Data Name=.CommandLine.>)[^<]*/,
          `$1cmd.exe /c echo spelunk-bench-marker-${i}`,
        );
        const reply = await fetch(`${on.hec}/services/collector/event`, {
          method: 'POST',
          headers: { Authorization: `Splunk ${MARKER_TOKEN}` },
          body: JSON.stringify({
            event: xml,
            sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
          }),
        });
        if (reply.ok) sent.set(i, performance.now());
        await reply.arrayBuffer();
      };
      let markerTimer: NodeJS.Timeout | undefined;
      const startMarkers = () => {
        let i = 0;
        markerTimer = setInterval(() => {
          const p = send(i++).catch(() => undefined);
          sending.add(p);
          p.finally(() => sending.delete(p));
        }, 100);
      };
      try {
        onMs = await hecIngest(file, on.hec, startMarkers);
      } finally {
        clearInterval(markerTimer);
        clearInterval(ticker);
        await Promise.all(sending);
      }
      // The last alerts get up to 10 s to arrive.
      const deadline = performance.now() + 10_000;
      while (received.size < sent.size && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      on.child.kill('SIGTERM');
      await once(on.child, 'exit');
      hook.close();
    }
    const offAfter = await floor('off-after');
    const onRate = (HEC_EVENTS / onMs) * 1000;
    const offRate = (HEC_EVENTS / ((offBefore + offAfter) / 2)) * 1000;
    console.log(
      `ingest with detection: ${rate(HEC_EVENTS, onMs)} acked = ${((onRate / offRate) * 100).toFixed(0)}% of detection off (mean of the floors before and after; target >= 70%)`,
    );
    const latencies = [...sent]
      .filter(([i]) => received.has(i))
      .map(([i, at]) => Math.max(0, (received.get(i) as number) - at))
      .sort((a, b) => a - b);
    console.log(
      `alert  HEC reply -> webhook for a Sigma hit, ${latencies.length} of ${sent.size} markers alerted during the ingest: p50 ${percentile(latencies, 50).toFixed(0)} ms, p90 ${percentile(latencies, 90).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms (target p99 < 2000 ms)`,
    );
    const slowest = [...sent]
      .filter(([i]) => received.has(i))
      .map(([i, at]) => [i, (received.get(i) as number) - at] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(
        ([i, ms]) =>
          `marker ${i} (sent ${(((sent.get(i) as number) - (sent.get(0) ?? 0)) / 1000) | 0} s in): ${ms.toFixed(0)} ms`,
      );
    console.log(`       slowest: ${slowest.join('; ')}`);
    console.log(`loadavg after: ${loadavg()}`);
  },
};

export default section;
