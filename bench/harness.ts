// What a benchmark section is: it prints figures next to a floor or peer measured in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PARENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The repository, whether this runs from bench/ (tsx) or compiled in .bench-build/bench/. */
export const REPO_ROOT = path.basename(PARENT) === '.bench-build' ? path.dirname(PARENT) : PARENT;

/** Scratch space for generated inputs; ignored by git. */
export const BENCH_TMP = path.join(REPO_ROOT, '.bench-tmp');

export interface BenchSection {
  readonly name: string;
  readonly description: string;
  run(): Promise<void>;
}

/** Runs `fn` `repeat` times and returns the fastest wall time in milliseconds. */
export async function bestOf(
  repeat: number,
  fn: () => Promise<unknown> | unknown,
): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function rate(count: number, ms: number): string {
  const perSecond = (count / ms) * 1000;
  return perSecond >= 1e6
    ? `${(perSecond / 1e6).toFixed(2)}M/s`
    : `${Math.round(perSecond / 1e3)}k/s`;
}

export function megabytesPerSecond(bytes: number, ms: number): string {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

export function ratio(value: number, floor: number): string {
  return `${(value / floor).toFixed(2)}x`;
}

/**
 * JavaScript source to put first in the module scripts benchmarks run in child processes: it
 * defines `peakRssMb()`, the child's own peak RSS in MB. Not `process.resourceUsage().maxRSS`
 * alone: Linux keeps the peak across the exec that starts the child, so that reports the
 * benchmark process's peak whenever it is higher (measured: 304 MB for a child whose own peak
 * was 39 MB). `/proc/self/status` VmHWM is the child's own; elsewhere maxRSS is all there is.
 */
export const CHILD_PEAK_RSS = `import { readFileSync as readStatus } from 'node:fs';
function peakRssMb() {
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readStatus('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}
`;
