// One detecting server of the `live` bench (live.ts): every SigmaHQ Windows rule streaming, the
// marker rule alerting to a webhook, the pack on a clock moved one hour every 5 s, HEC_EVENTS sent
// with acks while a marker goes every 100 ms. Returns the ingest time, the alert latencies and the
// server's CPU per event by thread (from /proc, as server-hec prints it).
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { hecIngest, startServer } from './sections/server.ts';
import { cpuByThread, threadCpu } from './thread-cpu.ts';

const HOUR = 3600;
export const MARKER_TOKEN = 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

export const MARKER_RULE = `title: spelunk bench marker
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

/**
 * A marker event every 100 ms once started, each sent without waiting for the last one's reply
 * (which comes when it is committed): its latency counts from that reply, noted in `sent`.
 */
export class MarkerSender {
  private readonly sending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly hec: string;
  private readonly template: string;
  readonly sent: Map<number, number>;

  constructor(hec: string, template: string, sent = new Map<number, number>()) {
    this.hec = hec;
    this.template = template;
    this.sent = sent;
  }

  start(): void {
    let i = 0;
    this.timer = setInterval(() => {
      const p = this.send(i++).catch(() => undefined);
      this.sending.add(p);
      p.finally(() => this.sending.delete(p));
    }, 100);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.sending);
  }

  private async send(i: number): Promise<void> {
    const xml = this.template.replace(
      /(<Data Name=.CommandLine.>)[^<]*/,
      `$1cmd.exe /c echo spelunk-bench-marker-${i}`,
    );
    const reply = await fetch(`${this.hec}/services/collector/event`, {
      method: 'POST',
      headers: { Authorization: `Splunk ${MARKER_TOKEN}` },
      body: JSON.stringify({
        event: xml,
        sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      }),
    });
    if (reply.ok) this.sent.set(i, performance.now());
    await reply.arrayBuffer();
  }
}

function peakRss(pid: number): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return hwm ? Number(hwm[1]) / 1024 : Number.NaN;
}

export interface DetectingRun {
  readonly ms: number;
  /** HEC reply -> webhook, ms, sorted. */
  readonly latencies: readonly number[];
  readonly markers: number;
  readonly slowest: string;
  /** CPU µs per event by thread, as text. */
  readonly cpu: string;
  /** The server's peak RSS, MB. */
  readonly peakRssMb: number;
}

export interface DetectingSetup {
  readonly dataDir: string;
  readonly config: string;
  readonly sigma: readonly string[];
  readonly clock: string;
  readonly start: number;
  readonly file: string;
  readonly template: string;
  readonly events: number;
  readonly cli?: string;
}

export async function runDetecting(setup: DetectingSetup): Promise<DetectingRun> {
  writeFileSync(setup.clock, String(setup.start + 60));
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
  const on = await startServer(
    path.join(setup.dataDir),
    setup.config,
    [
      ...setup.sigma.flatMap((s) => ['--sigma', s]),
      '--clock-file',
      setup.clock,
      '--alert-webhook',
      hookUrl,
    ],
    setup.cli,
  );
  const pid = on.child.pid as number;
  const sent = new Map<number, number>();
  let ms: number;
  let peakRssMb = Number.NaN;
  const before = threadCpu(pid);
  let last = before;
  const sampler = setInterval(() => {
    if (on.child.exitCode === null) last = threadCpu(pid);
  }, 250);
  try {
    let hour = setup.start;
    // SPELUNK_BENCH_LIVE_PACK=0: the clock stands still, so the pack runs no window of the data
    // (Sigma's share of the cost alone).
    const ticker = setInterval(() => {
      if (process.env['SPELUNK_BENCH_LIVE_PACK'] === '0') return;
      hour += HOUR;
      writeFileSync(setup.clock, String(hour + 60));
    }, 5000);
    const markers = new MarkerSender(on.hec, setup.template, sent);
    try {
      ms = await hecIngest(setup.file, on.hec, () => markers.start());
      clearInterval(sampler);
      last = threadCpu(pid);
      peakRssMb = peakRss(pid);
    } finally {
      clearInterval(sampler);
      clearInterval(ticker);
      await markers.stop();
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
  const alerted = [...sent].filter(([i]) => received.has(i));
  const slowest = alerted
    .map(([i, at]) => [i, (received.get(i) as number) - at] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(
      ([i, ms]) =>
        `marker ${i} (sent ${(((sent.get(i) as number) - (sent.get(0) ?? 0)) / 1000) | 0} s in): ${ms.toFixed(0)} ms`,
    )
    .join('; ');
  return {
    ms,
    latencies: alerted
      .map(([i, at]) => Math.max(0, (received.get(i) as number) - at))
      .sort((a, b) => a - b),
    markers: sent.size,
    slowest,
    cpu: cpuByThread(before, last, setup.events),
    peakRssMb,
  };
}
