// A fixed set of worker threads that decode chunks; results come back in submission order.
import { Worker } from 'node:worker_threads';
import type { ChunkDecodeOptions } from '../decode-chunk.ts';
import type { DecodedChunk } from '../decoded.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';
import { unpackChunk } from './packed-chunk.ts';

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./decode-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);

/**
 * From dist/ the worker is plain JavaScript. From source (tsx) it is TypeScript, and tsx on
 * Node 20 does not register its loader in worker threads, so a small bootstrap registers it
 * through tsx's API before importing the worker.
 */
function startWorker(workerData: ChunkDecodeOptions): Worker {
  // Decoding allocates many short-lived strings; a larger young generation halves GC time.
  const resourceLimits = { maxYoungGenerationSizeMb: 64 };
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData, resourceLimits });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

interface Waiting {
  readonly worker: Worker;
  readonly resolve: (chunk: DecodedChunk) => void;
  readonly reject: (error: Error) => void;
}

export class ChunkWorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiting>();
  private readonly outstanding = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, options: ChunkDecodeOptions) {
    this.size = size;
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker(options);
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.failAll(error));
      // Only a worker with work outstanding keeps the process alive: a consumer that stops
      // pulling without closing the iterator must not hang the process.
      worker.unref();
      return worker;
    });
  }

  /** Decodes `buffer[0, length)`; the buffer is transferred to the worker and unusable after. */
  decode(buffer: Buffer, length: number, index: number, fileOffset: number): Promise<DecodedChunk> {
    const id = this.nextId++;
    const worker = this.workers[id % this.size] as Worker;
    return new Promise<DecodedChunk>((resolve, reject) => {
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

  async close(): Promise<void> {
    this.failAll(new Error('chunk decoding stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.waiting.get(reply.id);
    if (waiting === undefined) return;
    this.waiting.delete(reply.id);
    this.track(waiting.worker, -1);
    if (reply.chunk !== undefined) waiting.resolve(unpackChunk(reply.chunk));
    else waiting.reject(new Error(reply.error ?? 'chunk decoding failed'));
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
