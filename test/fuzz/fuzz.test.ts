// The fuzz suite, briefly (a few seconds per target): seeded, so a failure replays from its seed
// (`npm run fuzz -- --target NAME --seed N`). Longer runs: test/integration/fuzz.test.ts and
// `npm run fuzz -- --minutes N`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSeeds } from './fuzz-kit.ts';
import { FUZZ_TARGETS } from './targets.ts';

/** Inputs each target gets however busy the machine is (the 3 s budget adds more when it is not). */
const MINIMUM_INPUTS = 20;

for (const target of FUZZ_TARGETS) {
  test(`fuzz ${target.name}: seeded inputs never crash, hang or give an unlocated problem`, async () => {
    const run = await runSeeds(target, 1, 150, 3_000, undefined, MINIMUM_INPUTS);
    assert.ok(run.inputs >= MINIMUM_INPUTS, `${run.inputs} inputs`);
    assert.deepEqual(
      run.failures.map((f) => `seed ${f.seed}: ${f.error.split('\n')[0]}`),
      [],
    );
  });
}
