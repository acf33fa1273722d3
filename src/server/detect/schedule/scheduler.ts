// The scheduler: every scheduled saved search runs at each of its cron times over its window.
// What it has done is only in the store: per search, a checkpoint holding the last scheduled time
// whose run was written, committed in the same transaction as that run's risk events and record.
// So after a crash or downtime each missed window runs exactly once, and a run is never repeated.
// Runs of one search go in time order; at most `maxConcurrentRuns` run at once across searches.
import { createHash } from 'node:crypto';
import { resolveTime } from '../../../spl/index.ts';
import type { Checkpoint } from '../../store/event-store.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import type { RunOutput, RunRecord } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';
import { dueWindows } from './due-windows.ts';
import { runSavedSearch } from './search-run.ts';

/** How often the system clock is looked at (a settable clock also calls back when moved). */
const TICK_MS = 1000;

export function scheduleCheckpointKey(searchName: string): string {
  return `detect:schedule:${searchName}`;
}

/** A scheduled run's sid, as splunkd names them: the same search and time give the same sid. */
export function scheduledSid(searchName: string, time: number): string {
  const hash = createHash('md5').update(searchName).digest('hex').slice(0, 16);
  return `scheduler__nobody__spelunk__RMD5${hash}_at_${Math.floor(time)}`;
}

export class Scheduler {
  private readonly runtime: DetectRuntime;
  private readonly busy = new Set<string>();
  private readonly series = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private closed = false;
  private readonly firstSeen = new Map<string, number>();
  /**
   * Each search's last scheduled time run, as committed: read from the store once, then kept as
   * the scheduler commits it (it looks every second; each read was a query of the store).
   */
  private readonly positions = new Map<string, number>();

  constructor(runtime: DetectRuntime) {
    this.runtime = runtime;
  }

  /**
   * Notes when searches were loaded: a new search's schedule starts at its load, not at the
   * scheduler's next look, which may come after the clock has passed its first window.
   */
  loaded(searches: readonly SavedSearch[], time: number): void {
    for (const search of searches)
      if (!this.firstSeen.has(search.name)) this.firstSeen.set(search.name, time);
  }

  /** Forgets a search's checkpoint as kept here: it was written by someone else (setEnabled). */
  forget(searchName: string): void {
    this.positions.delete(scheduleCheckpointKey(searchName));
  }

  start(): void {
    this.loaded(this.runtime.searches(), this.runtime.clock.now());
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.unsubscribe = this.runtime.clock.onChange(() => this.tick());
    this.tick();
  }

  /** Looks for due windows now (again once the running look ends, if one runs). */
  tick(): void {
    if (this.closed) return;
    if (this.ticking !== undefined) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.look()
      .catch((error: unknown) => this.runtime.log(`scheduler: ${String(error)}`))
      .finally(() => {
        this.ticking = undefined;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.tick();
        }
      });
  }

  /** Resolves once no look and no run is in progress (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.ticking !== undefined || this.series.size > 0) {
      await Promise.all([this.ticking, ...this.series]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.idle();
  }

  private async look(): Promise<void> {
    const { runtime } = this;
    const now = runtime.clock.now();
    const disabled = await runtime.disabled();
    for (const search of runtime.searches()) {
      if (this.closed) return;
      if (search.schedule === undefined || disabled.has(search.name) || this.busy.has(search.name))
        continue;
      const key = scheduleCheckpointKey(search.name);
      const position = this.positions.get(key) ?? (await runtime.store.checkpoint(key))?.position;
      if (position === undefined) {
        // First sight: its schedule starts when it was loaded; the checkpoint makes that survive a restart.
        await this.commit({
          runId: '',
          findings: [],
          checkpoints: [checkpointAt(key, search, this.firstSeen.get(search.name) ?? now)],
        });
        continue;
      }
      this.positions.set(key, position);
      const due = dueWindows(search.schedule.cron, position, now, runtime.config.maxCatchUp);
      if (due.run.length === 0 && due.skipped === undefined) continue;
      this.busy.add(search.name);
      const series = this.runSeries(search, due.run, due.skipped).finally(() => {
        this.busy.delete(search.name);
        this.series.delete(series);
      });
      this.series.add(series);
    }
  }

  private async runSeries(
    search: SavedSearch,
    times: readonly number[],
    skipped: ReturnType<typeof dueWindows>['skipped'],
  ): Promise<void> {
    const key = scheduleCheckpointKey(search.name);
    if (skipped !== undefined) {
      const reason = `${skipped.count} scheduled windows from ${iso(skipped.first)} to ${iso(skipped.last)} were missed for longer than detect.maxCatchUp (${this.runtime.config.maxCatchUp} s)`;
      await this.commit({
        runId: scheduledSid(search.name, skipped.last),
        findings: [],
        run: {
          savedsearch_name: search.name,
          search_type: 'scheduled',
          status: 'skipped',
          reason,
          sid: scheduledSid(search.name, skipped.last),
          scheduled_time: skipped.last,
          dispatch_time: this.runtime.clock.now(),
          run_time: 0,
          result_count: 0,
          skipped_windows: skipped.count,
        },
        checkpoints: [checkpointAt(key, search, skipped.last)],
      });
      this.runtime.log(`scheduler: ${search.name}: skipped: ${reason}`);
    }
    for (const time of times) {
      if (this.closed) return;
      await this.slot();
      try {
        await this.runOnce(search, time, key);
      } finally {
        this.release();
      }
    }
  }

  private async runOnce(search: SavedSearch, time: number, key: string): Promise<void> {
    const { runtime } = this;
    const sid = scheduledSid(search.name, time);
    const schedule = search.schedule;
    if (schedule === undefined) return;
    const started = Date.now();
    const dispatchTime = runtime.clock.now();
    const earliest = resolveTime(schedule.earliest, time);
    const latest = resolveTime(schedule.latest, time);
    const base = {
      savedsearch_name: search.name,
      search_type: 'scheduled' as const,
      sid,
      scheduled_time: time,
      dispatch_time: dispatchTime,
    };
    let run: RunRecord;
    let findings: Awaited<ReturnType<typeof runSavedSearch>>['findings'] = [];
    if (!earliest.ok || !latest.ok) {
      const problem = earliest.ok ? (latest.ok ? '' : latest.message) : earliest.message;
      const reason = `the window ${schedule.earliest} to ${schedule.latest} is not a time range: ${problem}`;
      run = { ...base, status: 'failed', reason, run_time: 0, result_count: 0 };
    } else {
      const result = await runSavedSearch(
        {
          search,
          workspace: runtime.workspace(),
          now: time,
          earliest: earliest.time,
          latest: latest.time,
          maxRows: runtime.maxResultRows,
        },
        runtime.runSearch,
        runtime.searchDeps,
      );
      findings = result.findings;
      run = {
        ...base,
        status: result.error === undefined ? 'success' : 'failed',
        ...(result.error === undefined
          ? result.warnings.length > 0
            ? { reason: result.warnings.join('\n') }
            : {}
          : { reason: result.error }),
        earliest_time: earliest.time,
        latest_time: latest.time,
        run_time: (Date.now() - started) / 1000,
        result_count: result.resultCount,
      };
      if (result.error !== undefined)
        runtime.log(`scheduler: ${search.name} at ${iso(time)} failed: ${result.error}`);
    }
    await this.commit({
      runId: sid,
      findings,
      run,
      checkpoints: [checkpointAt(key, search, time)],
    });
  }

  /** Writes a run's output; once committed, its checkpoint is the one kept here. */
  private async commit(output: RunOutput): Promise<void> {
    await this.runtime.writer.commit(output);
    for (const c of output.checkpoints ?? []) this.positions.set(c.key, c.position);
  }

  private slot(): Promise<void> {
    if (this.active < this.runtime.config.maxConcurrentRuns) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.active--;
  }
}

function checkpointAt(key: string, search: SavedSearch, time: number): Checkpoint {
  return {
    key,
    position: Math.floor(time),
    complete: true,
    detail: `last scheduled time run (${search.schedule?.cron.text ?? ''})`,
  };
}

function iso(time: number): string {
  return new Date(time * 1000).toISOString();
}
