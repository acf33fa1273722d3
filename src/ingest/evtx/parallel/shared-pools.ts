// Worker pools shared by reads: a pool outlives the read that started it by a short idle time, so
// reading many files (or a file again) reuses warm workers instead of starting cold ones per file.
import type { WorkerJob } from './messages.ts';
import { ChunkWorkerPool } from './worker-pool.ts';

/**
 * Starting a worker costs tens of milliseconds, and its decoder then runs unoptimised code for
 * a while: per file, that cost more than decoding a small file. Chunks of different files can
 * share a worker's decoder: its template cache checks every definition's bytes before reuse.
 */
const IDLE_MS = 2000;

export interface PoolLease<T> {
  readonly size: number;
  decode(buffer: Buffer, length: number, index: number, fileOffset: number): Promise<T>;
  /** The read is done with the pool (it is closed after IDLE_MS without another read). */
  release(): void;
}

interface Shared {
  readonly pool: ChunkWorkerPool<unknown, unknown>;
  leases: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const pools = new Map<string, Shared>();

/** A pool of `size` workers doing `job`, shared with other reads of the same job. */
export function leasePool<P, T>(
  size: number,
  job: WorkerJob,
  unpack: (packed: P) => T,
): PoolLease<T> {
  const key = `${size}:${JSON.stringify(job)}`;
  let shared = pools.get(key);
  if (shared === undefined || !shared.pool.usable) {
    const pool = new ChunkWorkerPool(size, job, unpack) as ChunkWorkerPool<unknown, unknown>;
    shared = { pool, leases: 0, timer: undefined };
    pools.set(key, shared);
  }
  const entry = shared;
  clearTimeout(entry.timer);
  entry.timer = undefined;
  entry.leases++;
  let released = false;
  return {
    size,
    decode: (buffer, length, index, fileOffset) =>
      entry.pool.decode(buffer, length, index, fileOffset) as Promise<T>,
    release: () => {
      if (released) return;
      released = true;
      if (--entry.leases > 0) return;
      entry.timer = setTimeout(() => {
        if (pools.get(key) === entry) pools.delete(key);
        void entry.pool.close();
      }, IDLE_MS);
      // An idle pool never keeps the process alive.
      entry.timer.unref();
    },
  };
}
