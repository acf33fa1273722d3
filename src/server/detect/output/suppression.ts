// Suppression (ESCU-style throttling): a detection raises risk on an entity at most once per
// period of event time, so one noisy rule cannot flood the risk index. A detection with its own
// `tags.throttling` is throttled on its fields instead (savedsearches.conf `alert.suppress.fields`):
// a finding whose fields' values were seen within the period raises nothing. What was raised
// before is read back from `index=risk`, so the rule holds across runs, processes and restarts.
import type { SharedEvent } from '../../../core/index.ts';
import type { RiskEvent } from '../../../engine/index.ts';
import { RISK_INDEX } from './detect-records.ts';
import type { LiveFinding } from './live-finding.ts';
import { scalarText } from './risk-values.ts';
import type { ReadValues } from './store-reads.ts';

export interface Suppressed {
  /** Per finding, the risk events it still raises (a finding absent here raises all of its own). */
  readonly kept: Map<LiveFinding, readonly RiskEvent[]>;
  /** Findings suppressed whole (throttled): no risk, no alert. */
  readonly dropped: Set<LiveFinding>;
  readonly suppressed: number;
  /** Per finding with some suppressed, how many of its risk events (at least 1 when throttled whole). */
  readonly suppressedOf: Map<LiveFinding, number>;
}

export async function applySuppression(
  findings: readonly LiveFinding[],
  read: ReadValues,
): Promise<Suppressed> {
  const kept = new Map<LiveFinding, readonly RiskEvent[]>();
  const dropped = new Set<LiveFinding>();
  const suppressedOf = new Map<LiveFinding, number>();
  let suppressed = 0;
  const period = (f: LiveFinding) => f.search.throttling?.periodSeconds ?? f.search.suppressSeconds;
  const checked = findings.filter(
    (f) => period(f) > 0 && (f.risks.length > 0 || f.search.throttling),
  );
  if (checked.length === 0) return { kept, dropped, suppressed, suppressedOf };

  const seen = await priorKeys(checked, period, read);
  const sorted = [...checked].sort((a, b) => a.time - b.time);
  const recent = (key: string, time: number, seconds: number): boolean => {
    const times = seen.get(key);
    const hit = times?.some((t) => t <= time && t >= time - seconds) ?? false;
    if (!hit) seen.set(key, [...(times ?? []), time]);
    return hit;
  };
  for (const finding of sorted) {
    const seconds = period(finding);
    const { throttling } = finding.search;
    if (throttling !== undefined) {
      if (
        recent(
          fieldsKey(finding.search.name, throttling.fields, finding.fields),
          finding.time,
          seconds,
        )
      ) {
        dropped.add(finding);
        suppressedOf.set(finding, Math.max(1, finding.risks.length));
        suppressed += Math.max(1, finding.risks.length);
      }
      continue;
    }
    const raised = finding.risks.filter(
      (risk) =>
        !recent(
          entityKey(risk.searchName, risk.riskObjectType, risk.riskObject),
          risk.time ?? finding.time,
          seconds,
        ),
    );
    suppressed += finding.risks.length - raised.length;
    if (raised.length < finding.risks.length) {
      suppressedOf.set(finding, finding.risks.length - raised.length);
    }
    if (raised.length < finding.risks.length) kept.set(finding, raised);
    if (raised.length === 0) dropped.add(finding);
  }
  return { kept, dropped, suppressed, suppressedOf };
}

/** The suppression keys of the risk events already in the index, with their times. */
async function priorKeys(
  findings: readonly LiveFinding[],
  period: (f: LiveFinding) => number,
  read: ReadValues,
): Promise<Map<string, number[]>> {
  const names = [...new Set(findings.map((f) => f.search.name))];
  const fieldsOf = new Map(findings.map((f) => [f.search.name, f.search.throttling?.fields ?? []]));
  const earliest = Math.min(...findings.map((f) => f.time - period(f)));
  const latest = Math.max(...findings.map((f) => f.time)) + 1;
  const stored = await read({
    index: RISK_INDEX,
    earliest,
    latest,
    field: 'search_name',
    values: names,
    fields: ['risk_object', 'risk_object_type', ...new Set([...fieldsOf.values()].flat())],
  });
  const keys = new Map<string, number[]>();
  const add = (key: string, time: number) => keys.set(key, [...(keys.get(key) ?? []), time]);
  for (const event of stored) {
    const name = names.find(
      (n) => n.toLowerCase() === scalarText(event['search_name']).toLowerCase(),
    );
    const time = event['_time'];
    if (name === undefined || typeof time !== 'number') continue;
    const fields = fieldsOf.get(name) ?? [];
    if (fields.length > 0) add(fieldsKey(name, fields, event), time);
    else {
      add(
        entityKey(name, scalarText(event['risk_object_type']), scalarText(event['risk_object'])),
        time,
      );
    }
  }
  return keys;
}

function entityKey(searchName: string, type: string, object: string): string {
  return `e\u0000${searchName}\u0000${type}\u0000${object.toLowerCase()}`;
}

function fieldsKey(searchName: string, fields: readonly string[], row: SharedEvent): string {
  return `f\u0000${searchName}\u0000${fields.map((f) => scalarText(row[f])).join('\u0000')}`;
}
