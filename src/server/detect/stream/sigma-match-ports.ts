// The two ways the Sigma stream holds its matcher: a worker thread (the server), or in-process
// (tests, and `detect.matcherWorker: false`), both behind SigmaMatcherPort.
import type { Worker } from 'node:worker_threads';
import { workerUrl } from '../../../core/index.ts';
import { startModuleWorker } from '../../../ingest/index.ts';
import type { MatcherReply, MatcherRequest, SigmaMatcherPort } from './sigma-match-protocol.ts';
import { SigmaMatcher } from './sigma-matcher.ts';

const WORKER_URL = workerUrl('server/detect/stream/sigma-match-worker');

/** The matcher on a worker thread of its own; batches are copied to it (the store's stay whole). */
export class WorkerMatcherPort implements SigmaMatcherPort {
  private readonly worker: Worker;
  private readonly replies: ((reply: MatcherReply) => void)[] = [];
  private readonly failures: ((error: Error) => void)[] = [];
  /** Requests that wait for a reply: only then does the worker keep the process alive. */
  private waiting = 0;
  private closed = false;
  private failed = false;

  /** `maxHeapMb`: the worker's old-generation heap (a worker past it dies and is replaced). */
  constructor(options: { readonly maxHeapMb?: number } = {}) {
    this.worker = startModuleWorker(
      WORKER_URL,
      options.maxHeapMb === undefined
        ? {}
        : { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } },
    );
    this.worker.unref();
    this.worker.on('message', (reply: MatcherReply) => {
      if (--this.waiting === 0) this.worker.unref();
      for (const listener of this.replies) listener(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`it exited (code ${code})`)));
  }

  post(request: MatcherRequest): void {
    if (this.closed || this.failed) return;
    if (request.kind !== 'activate' && this.waiting++ === 0) this.worker.ref();
    this.worker.postMessage(request);
  }

  onReply(listener: (reply: MatcherReply) => void): void {
    this.replies.push(listener);
  }

  onFailure(listener: (error: Error) => void): void {
    this.failures.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    if (this.closed || this.failed) return;
    this.failed = true;
    void this.worker.terminate();
    for (const listener of this.failures) listener(error);
  }
}

/** The matcher on the calling thread, each request handled in a later turn as a worker would. */
export class InProcessMatcherPort implements SigmaMatcherPort {
  private readonly matcher = new SigmaMatcher();
  private readonly replies: ((reply: MatcherReply) => void)[] = [];
  private readonly queue: MatcherRequest[] = [];
  private closed = false;

  post(request: MatcherRequest): void {
    if (this.closed) return;
    if (this.queue.push(request) === 1) setImmediate(() => this.drain());
  }

  onReply(listener: (reply: MatcherReply) => void): void {
    this.replies.push(listener);
  }

  onFailure(): void {}

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
  }

  private drain(): void {
    const request = this.queue.shift();
    if (request === undefined || this.closed) return;
    const reply = this.matcher.handle(request);
    if (reply !== undefined) for (const listener of this.replies) listener(reply);
    if (this.queue.length > 0) setImmediate(() => this.drain());
  }
}
