// `npm run crash-test`: sustained HEC ingest with acknowledgements while `spelunk serve` is killed
// with SIGKILL and restarted, several times; then every acknowledged event must be in the index
// exactly once (and no event at all twice). Senders never resend: a batch whose ack was not seen
// true before a kill may be in the index or not, but only once. Exits 1 on any violation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  exportSearch,
  type ServeProcess,
  startServe,
} from '../test/integration/server/serve-process.ts';

const KILLS = Number(process.env['CRASH_KILLS'] ?? 5);
const SENDERS = 4;
const BATCH = 200;
const TOKEN = 'c4a5b6c7-d8e9-4f0a-8b1c-2d3e4f5a6b7c';

interface Batch {
  readonly seqs: readonly string[];
  readonly channel: string;
  readonly ackId: number;
}

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-crash-'));
const config = path.join(dir, 'spelunk.yml');
writeFileSync(
  config,
  // CRASH_CONFIG: more of the server's YAML config (a `storage:` or `limits:` block), to crash-test
  // the store under other settings than the defaults.
  `hec:\n  tokens:\n    - name: crash\n      token: ${TOKEN}\n      useAck: true\n${process.env['CRASH_CONFIG'] ?? ''}\n`,
);

/** `spelunk serve` (dist/) on the test's data directory and config. */
const start = () => startServe(path.join(dir, 'data'), ['--config', config]);

const acked = new Set<string>();
const uncertain = new Set<string>();
let counter = 0;

async function sender(server: ServeProcess, id: number, stop: () => boolean): Promise<void> {
  const channel = `00000000-0000-4000-8000-${String(id).padStart(4, '0')}${String(Date.now() % 1e8).padStart(8, '0')}`;
  const pending: Batch[] = [];
  const headers = { Authorization: `Splunk ${TOKEN}`, 'X-Splunk-Request-Channel': channel };
  try {
    while (!stop()) {
      const seqs = Array.from({ length: BATCH }, () => `s${++counter}`);
      const body = seqs
        .map((seq) =>
          JSON.stringify({
            event: { seq, sender: id, note: 'crash test event' },
            time: Date.now() / 1000,
            source: 'crash',
          }),
        )
        .join('\n');
      for (const seq of seqs) uncertain.add(seq);
      const response = await fetch(`${server.hecUrl}/services/collector/event`, {
        method: 'POST',
        headers,
        body,
      });
      const reply = (await response.json()) as { code: number; ackId?: number };
      if (reply.code === 9) {
        // Refused whole (queue full): nothing of it was taken.
        for (const seq of seqs) uncertain.delete(seq);
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (reply.code !== 0 || reply.ackId === undefined)
        throw new Error(`HEC answered ${JSON.stringify(reply)}`);
      pending.push({ seqs, channel, ackId: reply.ackId });
      if (pending.length >= 4) await poll(server, pending, headers);
    }
  } catch {
    // The server was killed: what is still pending stays uncertain.
  }
}

async function poll(
  server: ServeProcess,
  pending: Batch[],
  headers: Record<string, string>,
): Promise<void> {
  const response = await fetch(`${server.hecUrl}/services/collector/ack`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ acks: pending.map((b) => b.ackId) }),
  });
  const { acks } = (await response.json()) as { acks: Record<string, boolean> };
  for (let i = pending.length - 1; i >= 0; i--) {
    const batch = pending[i] as Batch;
    if (acks[String(batch.ackId)] === true) {
      for (const seq of batch.seqs) {
        acked.add(seq);
        uncertain.delete(seq);
      }
      pending.splice(i, 1);
    }
  }
}

async function stored(server: ServeProcess): Promise<Map<string, number>> {
  const rows = await exportSearch(
    server.restUrl,
    'search index=main source=crash | stats count by seq',
  );
  return new Map(rows.map((row) => [row['seq'] as string, Number(row['count'])]));
}

const started = performance.now();
try {
  for (let round = 1; round <= KILLS; round++) {
    const server = await start();
    let stopping = false;
    const senders = Array.from({ length: SENDERS }, (_, i) => sender(server, i, () => stopping));
    await new Promise((r) => setTimeout(r, 1500 + Math.random() * 2500));
    await server.kill();
    stopping = true;
    await Promise.all(senders);
    console.log(
      `round ${round}: killed with SIGKILL; ${acked.size} events acknowledged so far, ${uncertain.size} sent without a seen ack`,
    );
  }
  const server = await start();
  const counts = await stored(server);
  await server.stop();
  const missing = [...acked].filter((seq) => counts.get(seq) !== 1);
  const twice = [...counts].filter(([, n]) => n !== 1);
  const unknownStored = [...uncertain].filter((seq) => counts.has(seq)).length;
  const stray = [...counts.keys()].filter((seq) => !acked.has(seq) && !uncertain.has(seq));
  console.log(
    `crash test: ${KILLS} SIGKILLs in ${((performance.now() - started) / 1000).toFixed(0)} s; ${acked.size} acknowledged events, ` +
      `${missing.length} of them missing or not exactly once; ${twice.length} events stored more than once; ` +
      `${uncertain.size} sent without a seen ack (${unknownStored} of them stored once); ${stray.length} unexplained`,
  );
  if (acked.size === 0 || missing.length > 0 || twice.length > 0 || stray.length > 0) {
    console.log(`FAILED: ${missing.slice(0, 5).join(' ')} ${twice.slice(0, 5).join(' ')}`);
    process.exitCode = 1;
  } else {
    console.log('crash test passed: every acknowledged event is in the index exactly once');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
