// The one writer of the detect role's output. Runs and the Sigma stream hand it their findings; it
// applies suppression, finds the risk incidents they complete, and writes risk events, notables,
// the alert outbox, the runs' records and their schedule checkpoints in ONE transaction per write:
// a crash can neither lose part of a run nor let the run be repeated (its checkpoint commits with
// its risk events).
//
// Suppression and incidents read what was written before. They read it from the writer's
// in-memory copies of `index=risk` and of the incident notables (output-mirror.ts), loaded from
// the store at start and kept current as the writer writes, so computing a write takes no store
// read and needs no earlier write to have committed: the writer computes each write as soon as
// its outputs arrive, adds it to its copies and hands it to the ingest role, which commits the
// server's own writes in order, ahead of queued input. A write's alerts go to the alert actions
// the moment its commit returns. A write that fails to commit leaves the copies ahead of the
// store: they are loaded again before the next write. Streamed outputs wait a moment in the
// queue for those that follow (write-delay.ts), so a burst of them is one write, not one each.
import type { Event } from '../../../core/index.ts';
import type { IncidentOptions } from '../../../engine/index.ts';
import type { IngestService } from '../../ingest/ingest-service.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { DetectClock } from '../detect-clock.ts';
import { INCIDENT_SEARCH_NAME, NOTABLE_INDEX, RISK_INDEX } from './detect-records.ts';
import { NOTABLE_LOOKBACK_SECONDS } from './incidents.ts';
import type { RunOutput, WriteSummary } from './live-finding.ts';
import { OutputMirror } from './output-mirror.ts';
import { readValues, type ValuesQuery } from './store-reads.ts';
import { DEFAULT_WRITE_DELAYS, type WriteDelays, WriteTimer, writeDelayOf } from './write-delay.ts';
import { planWrite } from './write-plan.ts';

export interface DetectWriterDeps {
  readonly store: Pick<EventStore, 'query' | 'onCommit'>;
  readonly ingest: Pick<IngestService, 'submitOwn'>;
  readonly clock: DetectClock;
  readonly incidents: IncidentOptions;
  /** The longest suppression period of the content, seconds (how much of `index=risk` to keep). */
  readonly suppressSeconds: number;
  /** The alert outbox records of a write, once it committed. */
  readonly onAlerts: (alerts: readonly Event[]) => void;
  readonly log: (line: string) => void;
  /** Risk events kept in memory at most (default MAX_MIRRORED_RISK_EVENTS). */
  readonly maxMirroredRisk?: number;
  /** How long streamed outputs wait to share a write (default DEFAULT_WRITE_DELAYS). */
  readonly writeDelays?: WriteDelays;
}

interface Queued {
  readonly output: RunOutput;
  /** performance.now() by which it is written. */
  readonly due: number;
  readonly resolve: (summary: WriteSummary) => void;
  readonly reject: (error: unknown) => void;
}

/** Findings merged into one write at most (a run larger than this is written alone). */
const MAX_MERGED_FINDINGS = 5000;
/** Writes handed to the ingest role and not yet committed, at most. */
const MAX_WRITES_IN_FLIGHT = 8;
/** Risk events the in-memory copy of `index=risk` holds at most (~300 bytes each). */
export const MAX_MIRRORED_RISK_EVENTS = 200_000;

export class DetectWriter {
  private readonly deps: DetectWriterDeps;
  private readonly queue: Queued[] = [];
  private writing: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timer = new WriteTimer();
  /** idle() waits: what is queued goes now. */
  private flushing = 0;
  readonly risk: OutputMirror;
  readonly incidentNotables: OutputMirror;
  /** The copies must be loaded (again) before the next write. */
  private stale = true;
  /** Events this writer wrote (its copies have them already when their commit is announced). */
  private readonly own = new WeakSet<Event>();
  private readonly unsubscribe: () => void;
  /** Reads the copies could not answer (they went to the store). */
  storeReads = 0;

  constructor(deps: DetectWriterDeps) {
    this.deps = deps;
    this.risk = new OutputMirror({
      index: RISK_INDEX,
      fields: ['risk_object_type', 'risk_score', 'search_name', 'risk_message'],
      keys: ['risk_object', 'search_name'],
      // A write reads up to a window before its findings: kept, findings up to a window late.
      keepSeconds: 2 * Math.max(deps.incidents.windowSeconds, deps.suppressSeconds),
      maxEvents: deps.maxMirroredRisk ?? MAX_MIRRORED_RISK_EVENTS,
    });
    this.incidentNotables = new OutputMirror({
      index: NOTABLE_INDEX,
      where: { search_name: INCIDENT_SEARCH_NAME },
      fields: ['risk_object_type', 'info_min_time', 'info_max_time'],
      keys: ['risk_object'],
      keepSeconds: NOTABLE_LOOKBACK_SECONDS + 2 * deps.incidents.windowSeconds,
      maxEvents: deps.maxMirroredRisk ?? MAX_MIRRORED_RISK_EVENTS,
    });
    // Risk events and notables other writers commit (HEC into index=risk) join the copies.
    this.unsubscribe = deps.store.onCommit((committed) => {
      if (this.stale || !(committed.hasIndex(RISK_INDEX) || committed.hasIndex(NOTABLE_INDEX))) {
        return;
      }
      // Only the risk and notable events: a commit the writer's own events ride in also holds
      // HEC's encoded input, which is not decoded for this.
      const foreign = committed
        .eventsOf((index) => index === RISK_INDEX || index === NOTABLE_INDEX)
        .filter((e) => !this.own.has(e));
      if (foreign.length > 0) this.remember(foreign);
    });
  }

  /** Loads the copies of `index=risk` and the incident notables (at start, before any write). */
  async load(extraRiskFields: readonly string[] = []): Promise<void> {
    await this.settle();
    const now = this.deps.clock.now();
    await this.risk.load(this.deps.store, now, extraRiskFields);
    await this.incidentNotables.load(this.deps.store, now);
    this.stale = false;
  }

  commit(output: RunOutput): Promise<WriteSummary> {
    const due =
      performance.now() + writeDelayOf(output, this.deps.writeDelays ?? DEFAULT_WRITE_DELAYS);
    const done = new Promise<WriteSummary>((resolve, reject) =>
      this.queue.push({ output, due, resolve, reject }),
    );
    this.writing ??= this.drain();
    this.timer.wake();
    return done;
  }

  /** Resolves once everything handed over so far is written (or failed), without the delays. */
  async idle(): Promise<void> {
    this.flushing++;
    try {
      while (this.writing !== undefined || this.inFlight.size > 0) {
        this.timer.wake();
        await this.writing;
        await this.settle();
      }
    } finally {
      this.flushing--;
    }
  }

  /** While `work` runs, what is handed over is written at once, as in idle(). */
  async during<T>(work: Promise<T>): Promise<T> {
    this.flushing++;
    this.timer.wake();
    try {
      return await work;
    } finally {
      this.flushing--;
    }
  }

  close(): void {
    this.unsubscribe();
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        while (this.inFlight.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
        await this.timer.untilDue(this.queue, MAX_MERGED_FINDINGS, () => this.flushing > 0);
        const taken = this.take();
        const outputs = taken.map((q) => q.output);
        let plan: Awaited<ReturnType<typeof planWrite>>;
        try {
          const throttled = outputs.flatMap((o) =>
            o.findings.flatMap((f) => f.search.throttling?.fields ?? []),
          );
          if (this.stale || !this.risk.keeps(throttled)) await this.load(throttled);
          const now = this.deps.clock.now();
          this.risk.prune(now);
          this.incidentNotables.prune(now);
          plan = await planWrite(outputs, (q) => this.read(q), this.deps.incidents, now);
        } catch (error) {
          for (const q of taken) q.reject(error);
          continue;
        }
        for (const event of plan.events) this.own.add(event);
        this.remember(plan.events);
        const written =
          plan.events.length > 0 || plan.checkpoints.length > 0
            ? this.deps.ingest.submitOwn({
                events: plan.events,
                checkpoints: plan.checkpoints,
                bytes: plan.events.length * 1024,
                alone: plan.alerts.length > 0,
              })
            : Promise.resolve();
        const done: Promise<void> = written
          .then(
            () => {
              if (plan.alerts.length > 0) this.deps.onAlerts(plan.alerts);
              for (const [i, q] of taken.entries()) q.resolve(plan.summaries[i] as WriteSummary);
            },
            (error: unknown) => {
              this.stale = true;
              for (const q of taken) q.reject(error);
            },
          )
          .finally(() => this.inFlight.delete(done));
        this.inFlight.add(done);
      }
    } finally {
      this.writing = undefined;
    }
  }

  /**
   * The oldest outputs, in the order they came, together up to a bound of findings: a scheduled
   * run and the streamed findings that arrive while it waits share a write, so neither waits
   * for the other to stop.
   */
  private take(): Queued[] {
    const taken: Queued[] = [this.queue.shift() as Queued];
    let findings = (taken[0] as Queued).output.findings.length;
    while (this.queue.length > 0) {
      const next = this.queue[0] as Queued;
      if (findings + next.output.findings.length > MAX_MERGED_FINDINGS) break;
      findings += next.output.findings.length;
      taken.push(this.queue.shift() as Queued);
    }
    return taken;
  }

  /**
   * A read of the writer's own output: from the copies when they cover it, else from the store
   * once the writes handed over so far have committed (late data, older than the copies keep).
   */
  private async read(query: ValuesQuery): Promise<Event[]> {
    const mirror = query.index === RISK_INDEX ? this.risk : this.incidentNotables;
    const copied = mirror.read(query);
    if (copied !== undefined) return copied;
    this.storeReads++;
    await this.settle();
    return readValues(this.deps.store, query);
  }

  private remember(events: readonly Event[]): void {
    for (const mirror of [this.risk, this.incidentNotables]) {
      const capped = mirror.capped;
      mirror.add(events);
      if (mirror.capped > capped) {
        this.deps.log(
          `detect: the in-memory copy of index=${mirror.spec.index} reached its cap of ${mirror.spec.maxEvents} events; writes about events before ${new Date(mirror.coversFrom * 1000).toISOString()} read the index instead`,
        );
      }
    }
  }
}
