// Search jobs as Splunk's REST API keeps them: each runs a search over the index (runIndexSearch)
// with its own time limit and memory budget, keeps its results (up to maxResultRows) for a TTL
// after its last access, and can be cancelled or finalized. At most maxConcurrentSearches run at
// once; one more is refused with a clear error rather than queued without bound.
import { randomBytes } from 'node:crypto';
import type { Event } from '../../core/index.ts';
import type { IndexSearchRequest } from './search-context.ts';
import { type JobLimits, type RunSearch, SearchJob, TooManySearchesError } from './search-job.ts';

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
