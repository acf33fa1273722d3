// `spl`: the seed 000 search over generated Sysmon process-creation events, next to the XML reader's floor.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Event } from '../../src/core/index.ts';
import { runPlans } from '../../src/engine/index.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import { NO_KNOWLEDGE } from '../../src/knowledge/index.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import {
  generateSysmonSample,
  SEED_IDE_TUNNELING_SEARCH,
  SEED_SOURCETYPE,
} from '../../test/fixtures/seed-sample.ts';
import {
  BENCH_TMP,
  type BenchSection,
  bestOf,
  megabytesPerSecond,
  rate,
  ratio,
} from '../harness.ts';

const EVENTS = Number(process.env['SPELUNK_BENCH_SPL_EVENTS'] ?? 200_000);
/** One event in this many is a tunnel launch the search keeps. */
const TUNNEL_EVERY = 500;

async function readAll(file: string, needRaw: boolean): Promise<Event[][]> {
  const inputs = await openInputs([file], { needRaw, sourcetype: SEED_SOURCETYPE });
  const batches: Event[][] = [];
  for await (const batch of inputs.source) batches.push(batch as Event[]);
  return batches;
}

async function runFile(plan: Plan, file: string): Promise<number> {
  const inputs = await openInputs([file], { needRaw: plan.needsRaw, sourcetype: SEED_SOURCETYPE });
  let results = 0;
  await runPlans(
    [{ plan, context: { emit: (rows) => (results += rows.length) } }],
    inputs.source,
    NO_KNOWLEDGE,
  );
  return results;
}

function runMemory(plan: Plan, batches: readonly (readonly Event[])[]): number {
  let results = 0;
  const run = plan.start({ emit: (rows) => (results += rows.length) });
  for (const batch of batches) run.push(batch);
  run.finish();
  return results;
}

const section: BenchSection = {
  name: 'spl',
  description: `seed 000 search over ${EVENTS.toLocaleString('en-US')} generated Sysmon EventID 1 events (1 in ${TUNNEL_EVERY} a tunnel), from an XML file and in memory`,
  async run() {
    mkdirSync(BENCH_TMP, { recursive: true });
    const file = path.join(BENCH_TMP, `sysmon-process-${EVENTS}.xml`);
    writeFileSync(file, `${[...generateSysmonSample(EVENTS, TUNNEL_EVERY)].join('\n')}\n`);
    const bytes = statSync(file).size;
    const compiled = compileSpl(SEED_IDE_TUNNELING_SEARCH);
    if (!compiled.ok) throw new Error('the seed search does not compile');
    const { value: plan } = compiled;
    console.log(
      `input: ${file} (${(bytes / 1e6).toFixed(1)} MB); plan reads ${plan.fields === 'all' ? 'all fields' : `${plan.fields.size} fields`}, _raw ${plan.needsRaw ? 'needed' : 'not needed'}`,
    );

    // Floor and search runs alternate so that load from elsewhere on the machine hits both alike.
    let floorCount = 0;
    let fileResults = 0;
    let floor = Number.POSITIVE_INFINITY;
    let fromFile = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      floor = Math.min(
        floor,
        await bestOf(1, async () => {
          floorCount = 0;
          const inputs = await openInputs([file], {
            needRaw: plan.needsRaw,
            sourcetype: SEED_SOURCETYPE,
          });
          for await (const batch of inputs.source) floorCount += batch.length;
        }),
      );
      fromFile = Math.min(
        fromFile,
        await bestOf(1, async () => {
          fileResults = await runFile(plan, file);
        }),
      );
    }

    const batches = await readAll(file, plan.needsRaw);
    const inMemoryEvents = batches.reduce((n, b) => n + b.length, 0);
    let memoryResults = 0;
    const inMemory = await bestOf(5, () => {
      memoryResults = runMemory(plan, batches);
    });

    console.log(
      `floor (XML reader only):        ${rate(floorCount, floor)}  ${megabytesPerSecond(bytes, floor)}`,
    );
    console.log(
      `seed search from the file:      ${rate(floorCount, fromFile)}  ${megabytesPerSecond(bytes, fromFile)}  ${ratio(fromFile, floor)} the floor's time (target ≤ 1.50x); ${fileResults} results`,
    );
    console.log(
      `seed search over events in memory: ${rate(inMemoryEvents, inMemory)} (target ≥ 300k/s); ${memoryResults} results`,
    );
  },
};

export default section;
