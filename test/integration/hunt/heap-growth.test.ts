// `spelunk hunt` caps how far V8 lets the old generation grow past its live size
// (cli/hunt/heap-growth.ts): a process holding ~60 MB that promotes objects which then die keeps
// its old generation near the live size with the cap, where V8's own factor lets it triple. The
// probe imports the module from source (under tsx): the bundle has no module of it alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO } from '../dist.ts';

const PROBE = `
import v8 from 'node:v8';
const { limitHeapGrowth } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'src', 'cli', 'hunt', 'heap-growth.ts')).href)});
if (process.argv[1] === 'limit') limitHeapGrowth();
const live = Array.from({ length: 600_000 }, (_, i) => ({ i, s: 'live ' + i }));
const fifo = [];
let peak = 0;
for (let round = 0; round < 6000; round++) {
  // Each batch outlives two young collections (promoted), then dies.
  fifo.push(Array.from({ length: 1000 }, (_, i) => ({ round, i, s: 'x' + i })));
  if (fifo.length > 200) fifo.shift();
  const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size;
  if (old > peak) peak = old;
}
console.log(JSON.stringify({ peakOldMb: peak / 1048576, live: live.length }));
`;

function peakOldMb(limit: boolean): number {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', PROBE, ...(limit ? ['limit'] : [])],
    { encoding: 'utf8', cwd: REPO },
  );
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { peakOldMb: number }).peakOldMb;
}

test('the hunt heap growth cap keeps the old generation near its live size', () => {
  const free = peakOldMb(false);
  const capped = peakOldMb(true);
  assert.ok(capped < free * 0.6, `old generation peak ${capped} MB capped, ${free} MB not`);
});
