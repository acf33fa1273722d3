// HEC bodies are parsed on worker threads: the envelope JSON, the Windows XML and the encoding for
// the store take ~9 µs of CPU per Sysmon event and most of the garbage the server makes, and on
// the main thread they delayed every other turn of its event loop - the store's writes among
// them - so ingest ran at a fraction of what the CPUs could do (docs/server.md, bench
// server-hec). A fixed number of workers, one body each at a time, bodies beyond that wait in
// order (their bytes are held against the ingest queue's bound before they get here); workers
// start with the first bodies. A worker
// that dies on a body (out of its memory, or any failure) answers that body's request with
// Splunk's code 6 and is replaced; the server goes on. `workers: 0` parses on the main thread.
// The live Sigma rules (`setMatcher`) go to every worker, so their batches carry their matches.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerUrl } from '../../../core/index.ts';
import { startModuleWorker } from '../../../ingest/index.ts';
import type { SharedMatcher } from '../../detect/stream/batch-matcher.ts';
import { HecError } from './hec-codes.ts';
import { type HecParseRequest, type HecParseResult, parseHecBody } from './hec-parse.ts';
import type { HecParseMessage } from './hec-parse-worker.ts';

const WORKER_URL = workerUrl('server/ingest/hec/hec-parse-worker');

export interface HecParsePoolOptions {
  /** Worker threads (default: the CPUs but one, at least 1, at most 2); 0 parses on the calling thread. */
  readonly workers?: number;
  /** Old-generation heap of a worker, MB: a body that needs more fails alone with code 6. */
  readonly maxHeapMb?: number;
  readonly log?: (line: string) => void;
}

interface Task {
  readonly id: number;
  readonly request: HecParseRequest;
  readonly resolve: (result: HecParseResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

export class HecParsePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private readonly maxHeapMb: number;
  private readonly log: (line: string) => void;
  private nextId = 0;
  private closed = false;
  private matcher: SharedMatcher | undefined;

  constructor(options: HecParsePoolOptions = {}) {
    // One CPU is left to the main thread and DuckDB: on 2 CPUs a second worker added 26-43 MB of
    // RSS and no throughput, as the CPUs were already busy (bench server-hec).
    this.size = options.workers ?? Math.min(2, Math.max(1, availableParallelism() - 1));
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.log = options.log ?? (() => {});
  }

  /** Parses `request`; its body's buffer is transferred to a worker (unusable after). */
  parse(request: HecParseRequest): Promise<HecParseResult> {
    if (this.size === 0) return Promise.resolve(parseHecBody(request));
    if (this.closed) return Promise.reject(new HecError('shuttingDown'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, request, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * The live Sigma rules the workers match events against as they parse them (undefined: none).
   * Bodies sent after this are matched with them; with no workers, nothing is matched here.
   */
  setMatcher(matcher: SharedMatcher | undefined): void {
    this.matcher = matcher;
    for (const slot of this.slots) this.post(slot.worker, { kind: 'matcher', matcher });
  }

  /** Stops the workers; bodies not parsed yet are answered "shutting down". */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new HecError('shuttingDown'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const task = slot.task;
        slot.task = undefined;
        task?.reject(new HecError('shuttingDown'));
        await slot.worker.terminate();
      }),
    );
  }

  private busy(): number {
    return this.slots.filter((slot) => slot.task !== undefined).length;
  }

  private start(): Slot {
    const worker = startModuleWorker(WORKER_URL, {
      // A young generation of 16 MB (V8's default is up to 48): parsing makes short-lived
      // garbage only, and each MB of it is RSS (bench server-hec: 48 MB → 31 MB per worker).
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    if (this.matcher !== undefined) this.post(worker, { kind: 'matcher', matcher: this.matcher });
    const slot: Slot = { worker, task: undefined };
    worker.on('message', (reply: { id: number; result: HecParseResult }) => {
      const task = slot.task;
      if (task === undefined || task.id !== reply.id) return;
      slot.task = undefined;
      worker.unref();
      task.resolve(reply.result);
      this.dispatch();
    });
    worker.on('error', (error) => this.lost(slot, error));
    worker.on('exit', (code) =>
      this.lost(slot, new Error(`the parse worker exited (code ${code})`)),
    );
    // Only a worker with a body keeps the process alive.
    worker.unref();
    return slot;
  }

  /** A worker died: its body is refused as unparseable, a new worker takes its place. */
  private lost(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const task = slot.task;
    slot.task = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    this.log(`HEC parse worker failed${task ? ' on a request body' : ''}: ${error.message}`);
    task?.reject(
      new HecError('invalidDataFormat', {
        detail: `the body could not be parsed: ${error.message}`,
      }),
    );
    this.slots[index] = this.start();
    this.dispatch();
  }

  private dispatch(): void {
    // Workers start with the first bodies: a server nobody sends to has none.
    while (this.slots.length < Math.min(this.size, this.waiting.length + this.busy())) {
      this.slots.push(this.start());
    }
    for (const slot of this.slots) {
      if (slot.task !== undefined) continue;
      const task = this.waiting.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.worker.ref();
      const body = task.request.body;
      // A body that is a view of a larger buffer (Node's pool) is copied; else it is moved.
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      const sent = own ? body : body.slice();
      this.post(
        slot.worker,
        { kind: 'parse', id: task.id, request: { ...task.request, body: sent } },
        [sent.buffer as ArrayBuffer],
      );
    }
  }

  private post(worker: Worker, message: HecParseMessage, transfer: ArrayBuffer[] = []): void {
    worker.postMessage(message, transfer);
  }
}
