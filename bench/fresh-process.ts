// Runs a script of the compiled build (`npm run bench` builds it into .bench-build/) in a fresh
// Node process, as a user runs `spelunk`: wall time from the parent (Node's start and module
// loading included), CPU time and peak RSS reported by the process itself (children/figures-hook).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_TMP } from './harness.ts';

export interface ProcessFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** The last line of the process's stdout, parsed as JSON when it is an object. */
  readonly output: Record<string, number>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The `spelunk` command line users run: the bundle (scripts/build-cli.ts), beside the bench. */
export const CLI = path.join(HERE, '..', 'dist', 'cli', 'main.js');
/** The same command line as tsc's tree of modules (what `bin` ran before the bundle). */
export const MODULES_CLI = path.join(HERE, '..', 'src', 'cli', 'main.js');

/** A compiled bench child (bench/children/<name>.ts). */
export function child(name: string): string {
  return path.join(HERE, 'children', `${name}.js`);
}

export function isCompiled(): boolean {
  return path.extname(fileURLToPath(import.meta.url)) === '.js';
}

/** Runs `node script ...args`; `env` adds to the environment (the rule cache's folder). */
export function runFresh(
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): ProcessFigures {
  const figures = path.join(BENCH_TMP, `figures-${process.pid}.json`);
  rmSync(figures, { force: true });
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(child('figures-hook')).href, script, ...args],
    {
      env: { ...process.env, ...env, BENCH_FIGURES: figures },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const wallMs = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${path.basename(script)} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`,
    );
  }
  const { cpuMs, peakRssMb } = JSON.parse(readFileSync(figures, 'utf8')) as {
    cpuMs: number;
    peakRssMb: number;
  };
  const last = result.stdout.trim().split('\n').pop() ?? '';
  let output: Record<string, number> = {};
  if (last.startsWith('{')) output = JSON.parse(last) as Record<string, number>;
  return { wallMs, cpuMs, peakRssMb, output };
}

/** The run with the best wall time of `rounds`. */
export function bestRun(rounds: number, run: () => ProcessFigures): ProcessFigures {
  let best: ProcessFigures | undefined;
  for (let i = 0; i < rounds; i++) {
    const figures = run();
    if (best === undefined || figures.wallMs < best.wallMs) best = figures;
  }
  return best as ProcessFigures;
}
