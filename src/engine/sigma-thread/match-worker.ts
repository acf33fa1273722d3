// Worker thread entry: reads the hunt's inputs itself and matches every event against the Sigma
// rules, sending back only which rules each event matched (a few numbers, never the events).
import { parentPort, workerData } from 'node:worker_threads';
import type { EventSource } from '../../core/index.ts';
import { openInputs } from '../../ingest/index.ts';
import { decodeMatcher } from '../../sigma/index.ts';
import { withinTimeRange } from '../triage/event-time-range.ts';
import type { MatchJob, MatchReply } from './messages.ts';

const TAKEN = 0;
const STOP = 1;

async function run(job: MatchJob): Promise<void> {
  const matcher = decodeMatcher(job.matcher);
  const progress = new Int32Array(job.progress);
  const inputs = await openInputs(job.paths, { ...job.input, onProblem: () => {} });
  const source: EventSource =
    job.timeRange === undefined
      ? inputs.source
      : withinTimeRange(inputs.source, job.timeRange, () => {});
  let ordinal = 0;
  for await (const batch of source) {
    // Wait while the main thread is a window behind; it wakes us as it takes events.
    for (;;) {
      if (Atomics.load(progress, STOP) === 1) return;
      const taken = Atomics.load(progress, TAKEN);
      if (ordinal - taken < job.window) break;
      Atomics.wait(progress, TAKEN, taken, 1000);
    }
    const found: number[] = [];
    const entries: string[] = [];
    for (let i = 0; i < batch.length; i++, ordinal++) {
      const matches = matcher.match(batch[i] as (typeof batch)[number]);
      for (let m = 0; m < matches.length; m++) {
        const match = matches[m] as (typeof matches)[number];
        found.push(ordinal, match.ruleIndex);
        entries.push(match.entryName);
      }
    }
    post({ kind: 'batch', end: ordinal, found: Int32Array.from(found), entries });
  }
  post({ kind: 'done', events: ordinal });
}

function post(reply: MatchReply): void {
  if (reply.kind === 'batch') parentPort?.postMessage(reply, [reply.found.buffer as ArrayBuffer]);
  else parentPort?.postMessage(reply);
}

run(workerData as MatchJob).catch((cause: unknown) => {
  post({ kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) });
});
