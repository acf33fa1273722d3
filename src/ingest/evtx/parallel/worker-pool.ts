// A fixed set of worker threads that decode chunks; results come back in submission order.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { workerUrl } from '../../../core/index.ts';
import type { WorkerJob, WorkerReply, WorkerRequest } from './messages.ts';

const WORKER_URL = workerUrl('ingest/evtx/parallel/decode-worker');

function startWorker(workerData: WorkerJob): Worker {
  // Decoding allocates many short-lived strings; a larger young generation halves GC time.
  return startModuleWorker(WORKER_URL, {
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
}

/**
 * A worker thread running the module at `url` (core's `workerUrl`: a bundle entry, or a .ts from
 * source). From dist/ the worker is plain JavaScript. From source (tsx) it is TypeScript, and tsx on
 * Node 20 does not register its loader in worker threads, so a small bootstrap registers it
 * through tsx's API before importing the worker.
 */
export function startModuleWorker(url: URL, options: WorkerOptions): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

interface Waiting<T> {
  readonly worker: Worker;
  readonly resolve: (chunk: T) => void;
  readonly reject: (error: Error) => void;
}

/** Workers doing `job`; `unpack` turns a worker's packed chunk into the decoded chunk `T`. */
export class ChunkWorkerPool<P, T> {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiting<T>>();
  private readonly outstanding = new Map<Worker, number>();
  private readonly unpack: (packed: P) => T;
  private nextId = 0;
  /** Set when a worker failed or the pool was closed: nothing more is sent. */
  private failure: Error | undefined;

  constructor(size: number, job: WorkerJob, unpack: (packed: P) => T) {
    this.size = size;
    this.unpack = unpack;
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker(job);
      worker.on('message', (reply: WorkerReply<P>) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`a decoding worker exited (code ${code})`)));
      // Only a worker with work outstanding keeps the process alive: a consumer that stops
      // pulling without closing the iterator must not hang the process.
      worker.unref();
      return worker;
    });
  }

  /** Decodes `buffer[0, length)`; the buffer is transferred to the worker and unusable after. */
  decode(buffer: Buffer, length: number, index: number, fileOffset: number): Promise<T> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[id % this.size] as Worker;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      this.track(worker, 1);
      const arrayBuffer = buffer.buffer as ArrayBuffer;
      const request: WorkerRequest = {
        id,
        index,
        fileOffset,
        buffer: arrayBuffer,
        start: buffer.byteOffset,
        length,
      };
      worker.postMessage(request, [arrayBuffer]);
    });
  }

  /** False once a worker failed or the pool was closed. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  async close(): Promise<void> {
    this.fail(new Error('chunk decoding stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.failAll(error);
  }

  private settle(reply: WorkerReply<P>): void {
    const waiting = this.waiting.get(reply.id);
    if (waiting === undefined) return;
    this.waiting.delete(reply.id);
    this.track(waiting.worker, -1);
    if (reply.packed === undefined) {
      waiting.reject(new Error(reply.error ?? 'chunk decoding failed'));
      return;
    }
    try {
      waiting.resolve(this.unpack(reply.packed));
    } catch (error) {
      waiting.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) {
      this.track(waiting.worker, -1);
      waiting.reject(error);
    }
    this.waiting.clear();
  }

  private track(worker: Worker, delta: number): void {
    const count = (this.outstanding.get(worker) ?? 0) + delta;
    this.outstanding.set(worker, count);
    if (count === 1 && delta > 0) worker.ref();
    else if (count === 0) worker.unref();
  }
}
