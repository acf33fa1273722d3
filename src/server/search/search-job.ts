// One search job as Splunk's REST API keeps it: its state, its results (or a stream of them, for
// export), its messages, and what stops it early (finalize, cancel, the time and memory limits).
import type { Event } from '../../core/index.ts';
import type { IndexSearchRequest, MessageType, SearchOutput } from './search-context.ts';

export type DispatchState = 'QUEUED' | 'PARSING' | 'RUNNING' | 'FINALIZING' | 'DONE' | 'FAILED';

export interface JobLimits {
  readonly maxConcurrent: number;
  /** Seconds a search may run. */
  readonly timeoutSeconds: number;
  readonly maxResultRows: number;
  /** Bytes a job's results and the heap growth during its run may take. */
  readonly maxMemoryBytes: number;
  /** Seconds a finished job is kept after its last access. */
  readonly ttlSeconds: number;
}

export interface JobMessage {
  readonly type: MessageType;
  readonly text: string;
}

export class TooManySearchesError extends Error {
  constructor(limit: number) {
    super(
      `The maximum number of concurrent searches (${limit}) has been reached: wait for one to finish, or raise limits.maxConcurrentSearches`,
    );
    this.name = 'TooManySearchesError';
  }
}

export type RunSearch = (request: IndexSearchRequest, output: SearchOutput) => Promise<void>;

export class SearchJob {
  readonly sid: string;
  readonly owner: string;
  readonly request: IndexSearchRequest;
  readonly created = Date.now() / 1000;
  state: DispatchState = 'QUEUED';
  readonly rows: Event[] = [];
  readonly messages: JobMessage[] = [];
  scanned = 0;
  finished: number | undefined;
  ttl: number;
  touched = Date.now() / 1000;
  readonly done: Promise<void>;
  /** Results stop being kept here (finalized, the row limit): reading stops too. */
  private readonly controller = new AbortController();
  private bytes = 0;
  private stop: 'finalize' | 'cancel' | 'timeout' | 'memory' | undefined;

  /** Where rows go instead of being kept (export streams them). */
  private readonly forward: ((rows: readonly Event[]) => void) | undefined;

  constructor(
    sid: string,
    owner: string,
    request: IndexSearchRequest,
    ttl: number,
    start: (job: SearchJob) => Promise<void>,
    forward?: (rows: readonly Event[]) => void,
  ) {
    this.forward = forward;
    this.sid = sid;
    this.owner = owner;
    this.request = { ...request, signal: this.controller.signal };
    this.ttl = ttl;
    this.done = start(this);
  }

  get isDone(): boolean {
    return this.state === 'DONE' || this.state === 'FAILED';
  }

  finalize(): void {
    if (this.isDone) return;
    this.stop ??= 'finalize';
    this.state = 'FINALIZING';
    this.controller.abort();
  }

  cancel(): void {
    if (this.isDone) return;
    this.stop ??= 'cancel';
    this.controller.abort();
  }

  /** @internal the runner's view */
  output(limits: JobLimits, heapAtStart: number): SearchOutput {
    return {
      emit: (rows) => {
        if (this.forward !== undefined) {
          this.forward(rows);
          this.checkMemory(limits, heapAtStart);
          return;
        }
        for (const row of rows) {
          if (this.rows.length >= limits.maxResultRows) {
            this.note(
              'WARN',
              `results truncated at ${limits.maxResultRows} rows (limits.maxResultRows)`,
            );
            this.finalize();
            return;
          }
          this.rows.push(row);
          this.bytes += rowBytes(row);
        }
        this.checkMemory(limits, heapAtStart);
      },
      message: (type, text) => this.note(type, text),
      scanned: (count) => {
        this.scanned += count;
        this.checkMemory(limits, heapAtStart);
      },
    };
  }

  /** @internal */
  abortFor(reason: 'timeout' | 'memory'): void {
    if (this.isDone) return;
    this.stop ??= reason;
    this.controller.abort();
  }

  /** @internal why the run stopped early, if it did */
  get stopReason(): 'finalize' | 'cancel' | 'timeout' | 'memory' | undefined {
    return this.stop;
  }

  note(type: MessageType, text: string): void {
    if (this.messages.length < 100 && !this.messages.some((m) => m.text === text)) {
      this.messages.push({ type, text });
    }
  }

  private checkMemory(limits: JobLimits, heapAtStart: number): void {
    const grown = Math.max(this.bytes, process.memoryUsage().heapUsed - heapAtStart);
    if (grown > limits.maxMemoryBytes) this.abortFor('memory');
  }
}

/** A rough size of a row held in memory: its text twice over plus per-field overhead. */
function rowBytes(row: Event): number {
  let bytes = 64;
  for (const key of Object.keys(row)) {
    const value = row[key];
    bytes += 32 + key.length * 2;
    if (typeof value === 'string') bytes += value.length * 2;
    else if (Array.isArray(value)) for (const v of value) bytes += 16 + String(v).length * 2;
    else bytes += 8;
  }
  return bytes;
}
