// The one writer of the detect role's output. Runs hand it their findings; it applies suppression,
// finds the risk incidents they complete, and writes risk events, notables, the alert outbox, the
// run's record and its schedule checkpoint in ONE transaction: a crash can neither lose part of a
// run nor let the run be repeated (its checkpoint commits with its risk events). Outputs are
// written one after the other, so suppression and incidents always see every earlier write.
import type { Event } from '../../../core/index.ts';
import type { IncidentOptions, RiskEvent } from '../../../engine/index.ts';
import type { IngestService } from '../../ingest/ingest-service.ts';
import type { Checkpoint, EventStore } from '../../store/event-store.ts';
import type { DetectClock } from '../detect-clock.ts';
import {
  alertRecord,
  findingNotable,
  incidentNotable,
  riskRecord,
  runRecordEvent,
} from './detect-records.ts';
import { newIncidents } from './incidents.ts';
import type { LiveFinding, RunOutput, WriteSummary } from './live-finding.ts';
import { applySuppression } from './suppression.ts';

export interface DetectWriterDeps {
  readonly store: Pick<EventStore, 'query'>;
  readonly ingest: Pick<IngestService, 'submitOwn'>;
  readonly clock: DetectClock;
  readonly incidents: IncidentOptions;
  /** The alert outbox records of a write, once it committed. */
  readonly onAlerts: (alerts: readonly Event[]) => void;
}

interface Queued {
  readonly output: RunOutput;
  readonly resolve: (summary: WriteSummary) => void;
  readonly reject: (error: unknown) => void;
}

/** Streamed outputs merged into one write at most (they carry no run record). */
const MAX_MERGED_FINDINGS = 5000;

export class DetectWriter {
  private readonly deps: DetectWriterDeps;
  private readonly queue: Queued[] = [];
  private writing: Promise<void> | undefined;
  /** Findings waiting to be written (the stream slows down past a bound). */
  pendingFindings = 0;

  constructor(deps: DetectWriterDeps) {
    this.deps = deps;
  }

  commit(output: RunOutput): Promise<WriteSummary> {
    const done = new Promise<WriteSummary>((resolve, reject) =>
      this.queue.push({ output, resolve, reject }),
    );
    this.pendingFindings += output.findings.length;
    this.writing ??= this.drain();
    return done;
  }

  /** Resolves once everything handed over so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const taken = this.take();
        try {
          const summary = await this.write(taken.map((q) => q.output));
          for (const q of taken) q.resolve(summary);
        } catch (error) {
          for (const q of taken) q.reject(error);
        } finally {
          for (const q of taken) this.pendingFindings -= q.output.findings.length;
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  /**
   * Streamed outputs first, together up to a bound (an alert on a live event must not wait behind
   * a batch of scheduled runs); otherwise the oldest run, alone. Each write still sees every
   * earlier one, so suppression and incidents hold whatever the order.
   */
  private take(): Queued[] {
    const taken: Queued[] = [];
    let findings = 0;
    for (let i = 0; i < this.queue.length && findings < MAX_MERGED_FINDINGS; ) {
      const next = this.queue[i] as Queued;
      if (next.output.run !== undefined) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      findings += next.output.findings.length;
      taken.push(next);
    }
    return taken.length > 0 ? taken : [this.queue.shift() as Queued];
  }

  private async write(outputs: readonly RunOutput[]): Promise<WriteSummary> {
    const { store, clock } = this.deps;
    const findings = outputs.flatMap((o) => o.findings);
    const runOf = new Map<LiveFinding, string>();
    for (const o of outputs) for (const f of o.findings) runOf.set(f, o.runId);
    const suppression = await applySuppression(findings, store);
    const events: Event[] = [];
    const raised: RiskEvent[] = [];
    const notables: Event[] = [];
    for (const finding of findings) {
      const runId = runOf.get(finding) as string;
      const risks = suppression.kept.get(finding) ?? finding.risks;
      if (suppression.dropped.has(finding)) continue;
      for (const risk of risks) {
        events.push(riskRecord(risk, runId, finding.time));
        raised.push(risk.time === undefined ? { ...risk, time: finding.time } : risk);
      }
      if (finding.search.alert) notables.push(findingNotable(finding, runId));
    }
    const runId = outputs[0]?.runId ?? '';
    for (const incident of await newIncidents(raised, store, this.deps.incidents)) {
      notables.push(incidentNotable(incident, runId, this.deps.incidents));
    }
    const now = clock.now();
    const alerts = notables.map((n) => alertRecord(n, String(n['orig_sid'] ?? runId), now));
    const summary: WriteSummary = {
      riskEvents: raised.length,
      suppressed: suppression.suppressed,
      notables: notables.length,
      alerts: alerts.length,
    };
    const checkpoints: Checkpoint[] = outputs.flatMap((o) => o.checkpoints ?? []);
    for (const o of outputs) {
      if (o.run === undefined) continue;
      events.push(
        runRecordEvent(
          o.run,
          {
            risk_event_count: summary.riskEvents,
            suppressed_count: summary.suppressed,
            notable_count: summary.notables,
          },
          now,
        ),
      );
    }
    events.push(...notables, ...alerts);
    if (events.length > 0 || checkpoints.length > 0) {
      await this.deps.ingest.submitOwn({ events, checkpoints, bytes: events.length * 1024 });
    }
    if (alerts.length > 0) this.deps.onAlerts(alerts);
    return summary;
  }
}
