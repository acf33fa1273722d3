// Search jobs as Splunk's REST API keeps them: each runs a search over the index (runIndexSearch)
// with its own time limit and memory budget, keeps its results (up to maxResultRows) for a TTL
// after its last access, and can be cancelled or finalized. At most maxConcurrentSearches run at
// once; one more is refused with a clear error rather than queued without bound.
import { randomBytes } from 'node:crypto';
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

export class SearchJobs {
  private readonly jobs = new Map<string, SearchJob>();
  private running = 0;
  private readonly run: RunSearch;
  private readonly limits: JobLimits;
  private readonly sweeper: NodeJS.Timeout;

  constructor(run: RunSearch, limits: JobLimits) {
    this.run = run;
    this.limits = limits;
    this.sweeper = setInterval(() => this.sweep(), 15_000);
    this.sweeper.unref();
  }

  /**
   * Starts a job now, or throws TooManySearchesError. With `forward`, its rows go there as they
   * come instead of being kept (export).
   */
  create(
    request: IndexSearchRequest,
    owner: string,
    sid?: string,
    forward?: (rows: readonly Event[]) => void,
  ): SearchJob {
    if (this.running >= this.limits.maxConcurrent)
      throw new TooManySearchesError(this.limits.maxConcurrent);
    const id =
      sid !== undefined && /^[\w.-]{1,100}$/.test(sid) && !this.jobs.has(sid) ? sid : newSid();
    this.running++;
    const job = new SearchJob(
      id,
      owner,
      request,
      this.limits.ttlSeconds,
      (j) => this.execute(j),
      forward,
    );
    this.jobs.set(id, job);
    return job;
  }

  /** The job, if `user` may see it (its owner; admin sees all). */
  get(sid: string, user: string): SearchJob | undefined {
    const job = this.jobs.get(sid);
    if (job === undefined || (job.owner !== user && user !== 'admin')) return undefined;
    job.touched = Date.now() / 1000;
    return job;
  }

  list(user: string): SearchJob[] {
    return [...this.jobs.values()].filter((j) => j.owner === user || user === 'admin');
  }

  delete(sid: string): void {
    const job = this.jobs.get(sid);
    job?.cancel();
    this.jobs.delete(sid);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const job of this.jobs.values()) job.cancel();
  }

  /** Drops finished jobs whose TTL since their last access has passed. */
  sweep(now = Date.now() / 1000): void {
    for (const [sid, job] of this.jobs) {
      if (job.isDone && now - job.touched > job.ttl) this.jobs.delete(sid);
    }
  }

  private async execute(job: SearchJob): Promise<void> {
    const timer = setTimeout(() => job.abortFor('timeout'), this.limits.timeoutSeconds * 1000);
    try {
      job.state = 'RUNNING';
      await this.run(job.request, job.output(this.limits, process.memoryUsage().heapUsed));
      const reason = job.stopReason;
      if (reason === 'timeout') {
        this.fail(
          job,
          `the search ran longer than ${this.limits.timeoutSeconds} s (limits.searchTimeout) and was stopped`,
        );
      } else if (reason === 'memory') {
        this.fail(
          job,
          `the search used more than ${Math.round(this.limits.maxMemoryBytes / 1048576)} MB (limits.maxJobMemory) and was stopped`,
        );
      } else if (reason === 'cancel') {
        this.fail(job, 'the search was cancelled');
      } else {
        job.state = 'DONE';
      }
    } catch (error) {
      this.fail(job, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      job.finished = Date.now() / 1000;
      this.running--;
    }
  }

  private fail(job: SearchJob, text: string): void {
    job.note('ERROR', text);
    job.state = 'FAILED';
    job.rows.length = 0;
  }
}

function newSid(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('hex')}`;
}
