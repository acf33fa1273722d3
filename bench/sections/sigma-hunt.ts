// Bench `sigma-hunt`: every SigmaHQ rule (rules, emerging threats, threat hunting) plus the
// built-in pack, end to end in fresh processes over the 100k benchmark set (issue 17), each figure
// next to its floor measured in the same run: rule loading (no rules), hunts in every output
// format (reading the same input with no rules), finding throughput (rules that match nothing),
// many small EVTX files (one large file of the same chunks), EVTX decoding on a worker (on the
// main thread), and peak RSS from 1M to 10M events.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bestRun,
  CLI,
  child,
  isCompiled,
  MODULES_CLI,
  type ProcessFigures,
  runFresh,
} from '../fresh-process.ts';
import { BENCH_TMP, type BenchSection, REPO_ROOT, rate, ratio } from '../harness.ts';
import { findingRules, huntSet, sameFileTimes, smallFiles } from '../sigma-hunt-inputs.ts';

const CORPUS = path.resolve(
  process.env['SPELUNK_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'),
);
const RULE_DIRS = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((d) =>
  path.join(CORPUS, 'sigma', d),
);
const EVENTS = 100_000;
const ROUNDS = Number(process.env['SIGMA_HUNT_BENCH_ROUNDS'] ?? 2);
/** `SIGMA_HUNT_BENCH_PARTS=load,hunt`: measure only these parts (all by default). */
const PARTS = (
  process.env['SIGMA_HUNT_BENCH_PARTS'] ?? 'startup,load,hunt,findings,files,workers,memory'
)
  .split(',')
  .map((p) => p.trim());
/** `SIGMA_HUNT_BENCH_SCALE=1000000,10000000`: event counts of the memory part. */
const SCALE = (process.env['SIGMA_HUNT_BENCH_SCALE'] ?? '1000000,10000000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= EVENTS);
const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
/**
 * The compiled rule-set cache lives here during the bench (deleted for cold runs);
 * `SIGMA_HUNT_BENCH_CACHE` gives each build of an A/B its own folder, so two builds whose code
 * fingerprints differ do not rewrite each other's cache.
 */
const CACHE_ENV = {
  XDG_CACHE_HOME: process.env['SIGMA_HUNT_BENCH_CACHE'] ?? path.join(BENCH_TMP, 'cache'),
};

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const describe = (f: ProcessFigures, events?: number) =>
  `${seconds(f.wallMs)} wall, ${seconds(f.cpuMs)} CPU${events === undefined ? '' : `, ${rate(events, f.wallMs)} events`}, peak RSS ${f.peakRssMb.toFixed(0)} MB`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(34)} ${text}`);

function hunt(
  rules: readonly string[],
  format: string,
  paths: readonly string[],
  extra: string[] = [],
  cli = CLI,
) {
  const out = path.join(BENCH_TMP, `sigma-hunt-out.${format}`);
  // Truncating the last run's output (hundreds of MB) is the file system's time, not the hunt's.
  rmSync(out, { force: true });
  const args = ['hunt', '--no-progress', ...rules.flatMap((r) => ['--sigma', r])];
  // Each build its own cache: the two builds' code fingerprints differ, so one cache file would
  // be rewritten by every other run.
  const env = cli === CLI ? CACHE_ENV : { XDG_CACHE_HOME: `${CACHE_ENV.XDG_CACHE_HOME}-modules` };
  return runFresh(cli, [...args, ...extra, '-f', format, '-o', out, ...paths], env);
}

/** Best CPU of `rounds` of each, run alternately (a, b, a, b...): the two see the same load. */
function alternated(
  a: () => ProcessFigures,
  b: () => ProcessFigures,
  rounds = ROUNDS,
): [ProcessFigures, ProcessFigures] {
  let bestA: ProcessFigures | undefined;
  let bestB: ProcessFigures | undefined;
  for (let i = 0; i < rounds; i++) {
    const fa = a();
    if (bestA === undefined || fa.cpuMs < bestA.cpuMs) bestA = fa;
    const fb = b();
    if (bestB === undefined || fb.cpuMs < bestB.cpuMs) bestB = fb;
  }
  return [bestA as ProcessFigures, bestB as ProcessFigures];
}

/**
 * A fresh process's fixed costs: the bundle (`bin: spelunk`) against the same code as tsc's tree
 * of ~880 modules, alternated; `--version`, and the built-in pack over one small file.
 */
function measureStartup(): void {
  const small = path.join(REPO_ROOT, 'content', 'data', 'attack', 'T1219.001');
  const out = path.join(BENCH_TMP, 'sigma-hunt-startup.txt');
  const runs = {
    '--version': (cli: string) => runFresh(cli, ['--version']),
    'hunt, built-in pack, T1219.001 data': (cli: string) =>
      runFresh(cli, ['hunt', '--no-progress', '-o', out, small]),
  };
  // Short runs: more rounds than the hunts.
  const rounds = Math.max(ROUNDS, 5);
  console.log(
    `a fresh process's fixed costs: the bundle against tsc's tree of modules (alternated, best CPU of ${rounds}):`,
  );
  for (const [label, run] of Object.entries(runs)) {
    const [bundle, modules] = alternated(
      () => run(CLI),
      () => run(MODULES_CLI),
      rounds,
    );
    line(
      label,
      `bundle ${seconds(bundle.wallMs)} wall, ${seconds(bundle.cpuMs)} CPU; modules ${seconds(modules.wallMs)} wall, ${seconds(modules.cpuMs)} CPU; CPU ${ratio(bundle.cpuMs, modules.cpuMs)}`,
    );
  }
}

function findingsIn(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"record":"finding"')).length;
}

function measureLoading(): void {
  const load = (rules: readonly string[]) => runFresh(child('load-rules'), rules, CACHE_ENV);
  const floor = bestRun(ROUNDS, () => load([]));
  const cold = bestRun(ROUNDS, () => {
    rmSync(CACHE_ENV.XDG_CACHE_HOME, { recursive: true, force: true });
    return load(RULE_DIRS);
  });
  const warm = bestRun(ROUNDS, () => load(RULE_DIRS));
  const wall = (f: ProcessFigures) => f.output['loadMs'] as number;
  const cpu = (f: ProcessFigures) => f.output['loadCpuMs'] as number;
  console.log(
    `rule loading (openWorkspace in a fresh process; ${warm.output['rules']} Sigma rules; wall and CPU time of the call):`,
  );
  line(
    'floor: built-in pack, no Sigma',
    `${seconds(wall(floor))} wall, ${seconds(cpu(floor))} CPU, peak RSS ${floor.peakRssMb.toFixed(0)} MB`,
  );
  for (const [label, f, target] of [
    ['cold (no cache)', cold, 2000],
    ['warm (cache of the last run)', warm, 500],
  ] as const) {
    const sigmaMs = wall(f) - wall(floor);
    const sigmaCpu = cpu(f) - cpu(floor);
    line(
      label,
      `Sigma ${seconds(sigmaMs)} wall, ${seconds(sigmaCpu)} CPU over the floor (target ≤ ${seconds(target)}: ${ratio(sigmaMs, target)} wall, ${ratio(sigmaCpu, target)} CPU), peak RSS ${f.peakRssMb.toFixed(0)} MB`,
    );
  }
}

function measureHunts(input: string, label: string): void {
  const floor = bestRun(ROUNDS, () => runFresh(child('read-floor'), ['0', input]));
  console.log(
    `every SigmaHQ rule + built-in pack over ${label} (${EVENTS.toLocaleString('en-US')} events; cache warm):`,
  );
  line('floor: read, no rules', describe(floor, EVENTS));
  for (const format of FORMATS) {
    const f = bestRun(ROUNDS, () => hunt(RULE_DIRS, format, [input]));
    if (format === 'jsonl' && PARTS.includes('modules')) {
      // SIGMA_HUNT_BENCH_PARTS=...,modules: the same hunt by the tree of modules, alternated.
      const [bundle, modules] = alternated(
        () => hunt(RULE_DIRS, format, [input]),
        () => hunt(RULE_DIRS, format, [input], [], MODULES_CLI),
      );
      line('hunt -f jsonl, bundle', describe(bundle, EVENTS));
      line(
        'hunt -f jsonl, tree of modules',
        `${describe(modules, EVENTS)}; bundle CPU ${ratio(bundle.cpuMs, modules.cpuMs)}`,
      );
    }
    const findings =
      format === 'jsonl'
        ? `, ${findingsIn(path.join(BENCH_TMP, 'sigma-hunt-out.jsonl'))} findings`
        : '';
    line(
      `hunt -f ${format}`,
      `${describe(f, EVENTS)}; ${ratio(f.wallMs, floor.wallMs)} the floor's wall (target ≥ 50k events/s, ≤ 256 MB)${findings}`,
    );
  }
  // The Sigma rules matched on a worker thread that reads the input again (docs/hunt.md).
  const threaded = bestRun(ROUNDS, () => hunt(RULE_DIRS, 'jsonl', [input], ['--sigma-thread']));
  line(
    'hunt -f jsonl --sigma-thread',
    `${describe(threaded, EVENTS)}; ${ratio(threaded.wallMs, floor.wallMs)} the floor's wall, ${findingsIn(path.join(BENCH_TMP, 'sigma-hunt-out.jsonl'))} findings`,
  );
}

/**
 * Rounds of the findings part: each is the difference of two fresh processes (hundreds of
 * milliseconds apart on a busy machine), so it takes the best of more rounds than the hunts.
 */
const FINDINGS_ROUNDS = Number(
  process.env['SIGMA_HUNT_BENCH_FINDINGS_ROUNDS'] ?? Math.max(ROUNDS, 5),
);

function measureFindings(input: string): void {
  const pairs = 3;
  const rules = findingRules(pairs * 2);
  const findings = pairs * EVENTS;
  console.log(
    `findings, risk and output: ${pairs * 2} rules, each pair finding every event (${findings.toLocaleString('en-US')} findings), against the same rules finding nothing (the floor), alternated, best CPU and best wall of ${FINDINGS_ROUNDS} rounds each:`,
  );
  for (const format of FORMATS) {
    const none: ProcessFigures[] = [];
    const every: ProcessFigures[] = [];
    for (let i = 0; i < FINDINGS_ROUNDS; i++) {
      none.push(hunt([rules.none], format, [input]));
      every.push(hunt([rules.every], format, [input]));
    }
    const twice = hunt([rules.every], format, sameFileTimes(input, 2));
    const least = (runs: ProcessFigures[], of: (f: ProcessFigures) => number) =>
      Math.min(...runs.map(of));
    const most = (runs: ProcessFigures[], of: (f: ProcessFigures) => number) =>
      Math.max(...runs.map(of));
    const cpu = (f: ProcessFigures) => f.cpuMs;
    const wall = (f: ProcessFigures) => f.wallMs;
    const rss = (runs: ProcessFigures[]) => most(runs, (f) => f.peakRssMb).toFixed(0);
    line(
      `-f ${format}`,
      `${rate(findings, least(every, cpu) - least(none, cpu))} findings CPU (target ≥ 100k/s), ${rate(findings, least(every, wall) - least(none, wall))} wall; CPU ${seconds(least(every, cpu))}-${seconds(most(every, cpu))} against the floor's ${seconds(least(none, cpu))}-${seconds(most(none, cpu))}; peak RSS none ${rss(none)}, ${findings / 1000}k findings ${rss(every)}, ${(2 * findings) / 1000}k ${twice.peakRssMb.toFixed(0)} MB`,
    );
  }
}

function measureFiles(): void {
  const files = smallFiles(CORPUS, 8);
  const folder = bestRun(ROUNDS, () => runFresh(child('read-floor'), ['0', ...files.files]));
  const large = bestRun(ROUNDS, () => runFresh(child('read-floor'), ['0', files.large]));
  const ratePer = (f: ProcessFigures) => (f.output['events'] as number) / f.wallMs;
  console.log(
    `many small EVTX files: ${files.files.length} corpus files vs one file of their chunks (fresh process, read only; ${folder.output['events']} and ${large.output['events']} events):`,
  );
  line('one large file', describe(large, large.output['events']));
  line(
    `${files.files.length} files`,
    `${describe(folder, folder.output['events'])}; ${((ratePer(folder) / ratePer(large)) * 100).toFixed(0)}% of the large file's events/s (target ≥ 80%)`,
  );
}

function measureWorkers(): void {
  const files = smallFiles(CORPUS, 8);
  console.log(
    `EVTX decoding on worker threads (0: on the main thread) while the main thread matches: ${path.basename(files.repeated)} (the chunks cycled 8 times):`,
  );
  for (const workers of ['0', '1', '2']) {
    const read = bestRun(ROUNDS, () => runFresh(child('read-floor'), [workers, files.repeated]));
    const f = bestRun(ROUNDS, () =>
      runFresh(child('hunt-workers'), [workers, files.repeated, ...RULE_DIRS], CACHE_ENV),
    );
    const events = read.output['events'] as number;
    line(`${workers} workers: read only`, describe(read, events));
    line(
      `${workers} workers: hunt`,
      `${describe(f, events)}; ${ratio(f.wallMs, read.wallMs)} the read's wall`,
    );
  }
}

function measureMemory(input: string): void {
  console.log(
    'peak RSS with the input size (every SigmaHQ rule, -f json; the 100k set read again and again):',
  );
  for (const events of SCALE) {
    const paths = sameFileTimes(input, events / EVENTS);
    const f = hunt(RULE_DIRS, 'json', paths);
    line(`${events.toLocaleString('en-US')} events`, describe(f, events));
  }
}

const section: BenchSection = {
  name: 'sigma-hunt',
  description:
    'every SigmaHQ rule + the built-in pack end to end in fresh processes over the 100k set (JSON lines, XmlWinEventLog): loading, hunts per format, findings/s, small files, workers, memory',
  async run() {
    if (!existsSync(path.join(CORPUS, 'sigma'))) {
      console.log(`skipped: no corpus at ${CORPUS}`);
      return;
    }
    if (!isCompiled())
      throw new Error(
        'bench sigma-hunt measures the compiled build: run it with npm run bench -- sigma-hunt',
      );
    const set = await huntSet(CORPUS, EVENTS);
    console.log(
      `the 100k set: ${set.distinct.toLocaleString('en-US')} Sysmon and Security records of EVTX-ATTACK-SAMPLES, cycled; ${os.availableParallelism()} cores; load average ${loadAverage()}`,
    );
    if (PARTS.includes('startup')) measureStartup();
    if (PARTS.includes('load')) measureLoading();
    if (PARTS.includes('hunt')) {
      // The hunts are labelled "cache warm": the CLI's code fingerprint is not the one the load
      // part's child wrote the cache with, so one untimed hunt writes it first (otherwise the first
      // format of a one-round run compiles cold: ~50 MB more peak RSS).
      hunt(RULE_DIRS, 'jsonl', [set.jsonl]);
      measureHunts(set.jsonl, 'JSON lines');
      measureHunts(set.xml, 'XmlWinEventLog');
    }
    if (PARTS.includes('findings')) measureFindings(set.jsonl);
    if (PARTS.includes('files')) measureFiles();
    if (PARTS.includes('workers')) measureWorkers();
    if (PARTS.includes('memory')) measureMemory(set.jsonl);
    console.log(`load average after: ${loadAverage()}`);
  },
};

export default section;
