// `npm run fuzz -- --minutes N [--target NAME] [--seed S]`: long fuzz runs. Each target runs in a
// worker thread for its share of the time; a seed that takes longer than HANG_MS is a hang: the
// worker is ended and restarted after it. Every failing input is saved under fuzz-failures/ with
// its error, and the run prints the inputs tried and the failures per target.
// `--seed S --target NAME` replays one input and prints what went wrong.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { mulberry32 } from '../src/core/seeded-random.ts';
import { type FuzzTarget, runSeeds } from '../test/fuzz/fuzz-kit.ts';
import { FUZZ_TARGETS } from '../test/fuzz/targets.ts';

const HANG_MS = 60_000;
const OUT = path.resolve(import.meta.dirname, '..', 'fuzz-failures');

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    target: { type: 'string' },
    seed: { type: 'string' },
    first: { type: 'string', default: String(Date.now() % 1_000_000_000) },
  },
});

const targets = FUZZ_TARGETS.filter((t) => values.target === undefined || t.name === values.target);
if (targets.length === 0) {
  process.stderr.write(
    `no fuzz target ${values.target}: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}\n`,
  );
  process.exit(2);
}

function inputOf(target: FuzzTarget, seed: number): string | Uint8Array {
  return target.generate(mulberry32(seed * 2654435761 + target.name.length));
}

function save(target: FuzzTarget, seed: number, error: string): void {
  mkdirSync(OUT, { recursive: true });
  const input = inputOf(target, seed);
  const base = path.join(OUT, `${target.name}-seed${seed}`);
  writeFileSync(`${base}.${typeof input === 'string' ? 'txt' : 'bin'}`, input);
  writeFileSync(`${base}.error.txt`, `${error}\n`);
}

if (values.seed !== undefined) {
  const seed = Number(values.seed);
  for (const target of targets) {
    const run = await runSeeds(target, seed, 1, Number.POSITIVE_INFINITY);
    process.stdout.write(`${target.name} seed ${seed}: ${run.failures[0]?.error ?? 'ok'}\n`);
  }
  process.exit(0);
}

/** Runs one target for `ms`; the inputs tried and the failing seeds. */
function fuzz(
  target: FuzzTarget,
  first: number,
  ms: number,
): Promise<{ inputs: number; failed: number }> {
  return new Promise((resolve) => {
    let inputs: number;
    let failed = 0;
    let current = first;
    let lastStart = performance.now();
    const ends = performance.now() + ms;
    let worker: Worker;
    const start = (from: number) => {
      const started = false;
      worker = new Worker(new URL('./fuzz-worker-entry.mjs', import.meta.url), {
        workerData: { target: target.name, first: from },
      });
      worker.on(
        'message',
        (message: {
          kind: string;
          seed?: number;
          inputs?: number;
          failures?: { seed: number; error: string }[];
        }) => {
          if (message.kind === 'start') {
            current = message.seed as number;
            lastStart = performance.now();
            return;
          }
          inputs += message.inputs ?? 0;
          for (const failure of message.failures ?? []) {
            failed++;
            save(target, failure.seed, failure.error);
          }
        },
      );
      worker.on('error', (error) => {
        if (!started) throw error;
        failed++;
        save(target, current, `the worker died: ${error.stack ?? String(error)}`);
        start(current + 1);
      });
    };
    start(first);
    const watch = setInterval(() => {
      const now = performance.now();
      if (now - lastStart > HANG_MS) {
        failed++;
        save(target, current, `hang: no answer after ${HANG_MS / 1000} s`);
        void worker.terminate();
        lastStart = now;
        start(current + 1);
      } else if (now > ends) {
        clearInterval(watch);
        // Seeds run in order from `first` (a hang's seed is skipped, counted as failed): the
        // inputs tried are the seeds passed, the one in flight not included.
        inputs = current - first;
        void worker.terminate().then(() => resolve({ inputs, failed }));
      }
    }, 250);
  });
}

const minutes = Number(values.minutes);
const first = Number(values.first);
const share = (minutes * 60_000) / targets.length;
process.stdout.write(
  `fuzzing ${targets.map((t) => t.name).join(', ')} for ${minutes} min from seed ${first}\n`,
);
let total = 0;
let totalFailed = 0;
for (const target of targets) {
  const { inputs, failed } = await fuzz(target, first, share);
  total += inputs;
  totalFailed += failed;
  process.stdout.write(
    `  ${target.name}: ${inputs.toLocaleString('en-US')} inputs, ${failed} failures\n`,
  );
}
process.stdout.write(
  `${total.toLocaleString('en-US')} inputs, ${totalFailed} failures${totalFailed > 0 ? ` (saved in ${path.relative(process.cwd(), OUT)}/)` : ''}\n`,
);
process.exit(totalFailed > 0 ? 1 : 0);
