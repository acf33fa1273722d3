// The main thread's side of Sigma matching on a worker: the worker reads the same inputs and
// matches every event; before the pump takes a batch, this waits for the batch's matches and
// hands them to the Sigma consumer as `matcher.match` would have returned them.
import type { Worker } from 'node:worker_threads';
import { type Event, type EventSource, type SharedEvent, workerUrl } from '../../core/index.ts';
import { type InputOptions, startModuleWorker } from '../../ingest/index.ts';
import { type CompiledSigmaSet, encodeMatcher, type SigmaMatch } from '../../sigma/index.ts';
import type { EventTimeRange } from '../triage/event-time-range.ts';
import type { MatchBatch, MatchJob, MatchReply } from './messages.ts';

const WORKER_URL = workerUrl('engine/sigma-thread/match-worker');
/** Events the worker may match ahead of the pump (their matches wait here, a few bytes each). */
const WINDOW = 65_536;
const NONE: readonly SigmaMatch[] = Object.freeze([]);

export interface SigmaMatchThreadOptions {
  readonly compiled: CompiledSigmaSet;
  readonly paths: readonly string[];
  readonly input: MatchJob['input'];
  readonly timeRange?: EventTimeRange;
}

/** Inputs the worker can read again exactly as the hunt reads them: files and folders, no stdin. */
export function canMatchOnThread(paths: readonly string[], input: InputOptions): boolean {
  return paths.length > 0 && !paths.includes('-') && input.stdin === undefined;
}

export class SigmaMatchThread {
  /**
   * Set when the worker failed or read fewer events than the hunt: from the batch where that
   * was noticed on, `matchesOf` answers undefined and the main thread matches.
   */
  failure: Error | undefined;
  private readonly worker: Worker;
  private readonly rules: CompiledSigmaSet['rules'];
  private readonly progress: Int32Array;
  private readonly arrived: MatchBatch[] = [];
  /** Matches of `arrived[0]` already handed out. */
  private cursor = 0;
  private covered = 0;
  private workerEvents: number | undefined;
  private wake: (() => void) | undefined;
  /** Events handed to the pump so far. */
  private taken = 0;
  private current = new Map<SharedEvent, SigmaMatch[]>();

  constructor(options: SigmaMatchThreadOptions) {
    this.rules = options.compiled.rules;
    const progress = new SharedArrayBuffer(8);
    this.progress = new Int32Array(progress);
    const { evtx, ...input } = options.input;
    const job: MatchJob = {
      matcher: encodeMatcher(options.compiled),
      paths: options.paths,
      // One thread reading EVTX here is the point: no decoding workers of its own.
      input: { ...input, ...(evtx === undefined ? {} : { evtx: { ...evtx, workers: 0 } }) },
      ...(options.timeRange === undefined ? {} : { timeRange: options.timeRange }),
      progress,
      window: WINDOW,
    };
    this.worker = startModuleWorker(WORKER_URL, { workerData: job });
    this.worker.on('message', (reply: MatchReply) => this.receive(reply));
    this.worker.on('error', (cause) => this.fail(cause));
    this.worker.on('exit', (code) => {
      if (this.workerEvents === undefined)
        this.fail(new Error(`the Sigma matching worker exited (code ${code})`));
    });
  }

  /** The source's batches, each once the worker's matches for it are in. */
  async *through(source: EventSource): EventSource {
    for await (const batch of source) {
      await this.prepare(batch);
      yield batch;
    }
  }

  /** The matches of an event of the batch last prepared; undefined once the worker failed. */
  readonly matchesOf = (event: SharedEvent): readonly SigmaMatch[] | undefined => {
    if (this.failure !== undefined) return undefined;
    return this.current.get(event) ?? NONE;
  };

  /** Stops the worker (the hunt has read what it reads). */
  async close(): Promise<void> {
    Atomics.store(this.progress, 1, 1);
    Atomics.notify(this.progress, 0);
    // Its exit is no failure now.
    this.workerEvents ??= -1;
    this.arrived.length = 0;
    await this.worker.terminate();
  }

  private async prepare(batch: readonly Event[]): Promise<void> {
    const start = this.taken;
    const end = start + batch.length;
    this.taken = end;
    this.current = new Map();
    // The worker may now run a window past this batch.
    Atomics.store(this.progress, 0, end);
    Atomics.notify(this.progress, 0);
    while (this.failure === undefined && this.covered < end) {
      if (this.workerEvents !== undefined) {
        this.fail(
          new Error(
            `the Sigma matching worker read ${this.workerEvents.toLocaleString('en-US')} events, the hunt more: an input changed while it was read`,
          ),
        );
        break;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    while (this.arrived.length > 0) {
      const next = this.arrived[0] as MatchBatch;
      const { found, entries } = next;
      let k = this.cursor;
      for (; k < entries.length; k++) {
        const ordinal = found[2 * k] as number;
        if (ordinal >= end) break;
        const event = batch[ordinal - start] as SharedEvent;
        const ruleIndex = found[2 * k + 1] as number;
        const rule = this.rules[ruleIndex];
        if (rule === undefined) continue;
        let list = this.current.get(event);
        if (list === undefined) {
          list = [];
          this.current.set(event, list);
        }
        list.push({
          rule: rule.rule,
          ruleIndex,
          report: rule.report,
          entryName: entries[k] as string,
        });
      }
      if (k < entries.length) {
        this.cursor = k;
        break;
      }
      this.arrived.shift();
      this.cursor = 0;
    }
  }

  private receive(reply: MatchReply): void {
    if (reply.kind === 'batch') {
      if (reply.entries.length > 0) this.arrived.push(reply);
      this.covered = reply.end;
    } else if (reply.kind === 'done') this.workerEvents = reply.events;
    else this.fail(new Error(reply.message));
    this.wakeUp();
  }

  private fail(cause: Error): void {
    if (this.failure === undefined && this.workerEvents !== -1) {
      this.failure = cause;
      // Nothing more is read from it; the main thread matches from here on.
      void this.close();
    }
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
