// What one write of the detect writer commits, computed from the outputs it takes: suppression
// applied, the risk incidents the new risk events complete, the notables, the alert outbox and the
// runs' records, with each output's own counts (several runs and streamed batches share a write).
import type { Event } from '../../../core/index.ts';
import type { IncidentOptions, RiskEvent, RiskIncident } from '../../../engine/index.ts';
import type { Checkpoint } from '../../store/event-store.ts';
import {
  alertRecord,
  findingNotable,
  incidentNotable,
  riskRecord,
  runRecordEvent,
} from './detect-records.ts';
import { newIncidents } from './incidents.ts';
import type { RunOutput, WriteSummary } from './live-finding.ts';
import type { ReadValues } from './store-reads.ts';
import { applySuppression } from './suppression.ts';

export interface WritePlan {
  /** Risk events, run records, notables and alert outbox records, in one transaction. */
  readonly events: readonly Event[];
  readonly checkpoints: readonly Checkpoint[];
  /** The outbox records, handed to the alert actions once the write commits. */
  readonly alerts: readonly Event[];
  /** Per output taken, in order. */
  readonly summaries: readonly WriteSummary[];
}

export async function planWrite(
  outputs: readonly RunOutput[],
  read: ReadValues,
  incidents: IncidentOptions,
  now: number,
): Promise<WritePlan> {
  const findings = outputs.flatMap((o) => o.findings);
  const suppression = await applySuppression(findings, read);
  const counts = outputs.map(() => ({ riskEvents: 0, suppressed: 0, notables: 0, alerts: 0 }));
  const events: Event[] = [];
  const raised: RiskEvent[] = [];
  /** Which output each raised risk event came from. */
  const raisedBy: number[] = [];
  const notables: Event[] = [];
  outputs.forEach((output, i) => {
    const count = counts[i] as (typeof counts)[number];
    for (const finding of output.findings) {
      count.suppressed += suppression.suppressedOf.get(finding) ?? 0;
      if (suppression.dropped.has(finding)) continue;
      for (const risk of suppression.kept.get(finding) ?? finding.risks) {
        events.push(riskRecord(risk, output.runId, finding.time));
        raised.push(risk.time === undefined ? { ...risk, time: finding.time } : risk);
        raisedBy.push(i);
        count.riskEvents++;
      }
      if (finding.search.alert) {
        notables.push(findingNotable(finding, output.runId));
        count.notables++;
      }
    }
  });
  for (const incident of await newIncidents(raised, read, incidents)) {
    const i = raisedBy[raised.findIndex((r) => completes(r, incident))] ?? 0;
    notables.push(incidentNotable(incident, outputs[i]?.runId ?? '', incidents));
    (counts[i] as (typeof counts)[number]).notables++;
  }
  const alerts = notables.map((n) => alertRecord(n, String(n['orig_sid'] ?? ''), now));
  for (const [i, output] of outputs.entries()) {
    const count = counts[i] as (typeof counts)[number];
    count.alerts = count.notables;
    if (output.run === undefined) continue;
    events.push(
      runRecordEvent(
        output.run,
        {
          risk_event_count: count.riskEvents,
          suppressed_count: count.suppressed,
          notable_count: count.notables,
        },
        now,
      ),
    );
  }
  events.push(...notables, ...alerts);
  for (const output of outputs) if (output.records !== undefined) events.push(...output.records);
  return {
    events,
    checkpoints: checkpointsOf(outputs),
    alerts,
    summaries: counts,
  };
}

/** The outputs' checkpoints; of one key written twice (the stream's position), the last. */
function checkpointsOf(outputs: readonly RunOutput[]): Checkpoint[] {
  const byKey = new Map<string, Checkpoint>();
  for (const o of outputs) {
    for (const c of o.checkpoints ?? []) byKey.set(c.key, c);
    for (const c of o.matchedUpTo ?? []) byKey.set(c.key, c);
  }
  return [...byKey.values()];
}

/** Whether a new risk event is one of an incident's (its entity, within its span). */
function completes(risk: RiskEvent, incident: RiskIncident): boolean {
  return (
    risk.riskObjectType === incident.riskObjectType &&
    risk.riskObject.toLowerCase() === incident.riskObject.toLowerCase() &&
    (risk.time as number) >= incident.start &&
    (risk.time as number) <= incident.end
  );
}
