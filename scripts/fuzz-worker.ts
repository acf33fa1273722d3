// One fuzz target in a worker thread (scripts/fuzz.ts): runs seeds from `first` upwards and tells
// the main thread which seed it is on, so a hang can be caught and the worker ended.
import { parentPort, workerData } from 'node:worker_threads';
import { runSeeds } from '../test/fuzz/fuzz-kit.ts';
import { FUZZ_TARGETS } from '../test/fuzz/targets.ts';

const { target: name, first } = workerData as { target: string; first: number };
const target = FUZZ_TARGETS.find((t) => t.name === name);
if (target === undefined) throw new Error(`no fuzz target ${name}`);
for (let seed = first; ; seed += 100) {
  const run = await runSeeds(target, seed, 100, Number.POSITIVE_INFINITY, (s) =>
    parentPort?.postMessage({ kind: 'start', seed: s }),
  );
  parentPort?.postMessage({
    kind: 'batch',
    failures: run.failures.map((f) => ({ seed: f.seed, error: f.error })),
  });
}
