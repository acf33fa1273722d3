// The fuzz suite at CI length: each target for up to 30 s of seeded inputs (npm test runs a few
// seconds of each; `npm run fuzz -- --minutes N` runs as long as asked and saves failures).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSeeds } from '../fuzz/fuzz-kit.ts';
import { FUZZ_TARGETS } from '../fuzz/targets.ts';

for (const target of FUZZ_TARGETS) {
  test(`fuzz ${target.name} for 30 s: no crash, hang or unlocated problem`, async (t) => {
    const run = await runSeeds(target, 100_000, 50_000, 30_000);
    t.diagnostic(`${target.name}: ${run.inputs} inputs, ${run.failures.length} failures`);
    assert.deepEqual(
      run.failures.map((f) => `seed ${f.seed}: ${f.error.split('\n')[0]}`),
      [],
    );
  });
}
