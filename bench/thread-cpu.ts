// CPU per thread of a server process from /proc, for the server benches (server-hec, live):
// the main thread, the named worker threads (hec-parse, sigma-match) and Node's unnamed ones by
// group, as CPU µs per event.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc CPU times. */
export const TICKS = 100;

/**
 * The threads Node names "node", told apart by when they were made (tid order): the first six are
 * V8's platform (four workers for GC and compilers, a delayed-task scheduler, the signal thread;
 * present before any JavaScript runs), the next UV_THREADPOOL_SIZE (4) libuv's pool, made at the
 * first async call - where @duckdb/node-api runs every statement (COMMIT, queries) - and the
 * rest DuckDB's own threads, made when the store opens (`threads` - 1 of them).
 */
const V8_PLATFORM_THREADS = 6;

function nodeThreadGroup(position: number): string {
  if (position < V8_PLATFORM_THREADS) return 'v8-platform';
  const pool = Number(process.env['UV_THREADPOOL_SIZE'] ?? 4);
  return position < V8_PLATFORM_THREADS + pool ? 'libuv' : 'duckdb';
}

/**
 * CPU seconds per thread name of process `pid` (the main thread is named after the process);
 * the unnamed ("node") threads by group: v8-platform, libuv (DuckDB's statements) and duckdb.
 */
export function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  const tids = readdirSync(`/proc/${pid}/task`).sort((a, b) => Number(a) - Number(b));
  let unnamed = 0;
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const group =
      tid === String(pid) ? 'main' : comm === 'node' ? nodeThreadGroup(unnamed++) : comm;
    const name =
      tid !== String(pid) && process.env['SPELUNK_BENCH_THREADS'] ? `${group} ${tid}` : group;
    const fields = stat.slice(close + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS;
    out.set(name, (out.get(name) ?? 0) + seconds);
  }
  return out;
}

/** CPU µs per event in all and by thread group between two `threadCpu` samples, as text. */
export function cpuByThread(
  before: ReadonlyMap<string, number>,
  last: ReadonlyMap<string, number>,
  events: number,
): string {
  const parts: string[] = [];
  let total = 0;
  const groups = new Map<string, number>();
  for (const [name, seconds] of last) {
    const used = seconds - (before.get(name) ?? 0);
    total += used;
    const group =
      name === 'main' || process.env['SPELUNK_BENCH_THREADS']
        ? name
        : name.replace(/[\s\d#-]+$/, '');
    groups.set(group, (groups.get(group) ?? 0) + used);
  }
  for (const [group, seconds] of [...groups].sort((a, b) => b[1] - a[1])) {
    if (seconds > 0) parts.push(`${group} ${((seconds / events) * 1e6).toFixed(1)}`);
  }
  return `${((total / events) * 1e6).toFixed(1)} us/event: ${parts.join(', ')} (us/event by thread)`;
}
