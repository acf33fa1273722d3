// The events the detect role writes: risk events (`index=risk`, as ES's risk action writes them,
// through the engine's riskEventRecord), notables (`index=notable`), and in `index=internal` the
// scheduler's run records, the alert outbox and the alert actions' deliveries.
import { createHash } from 'node:crypto';
import type { Event, SharedEvent } from '../../../core/index.ts';
import { type RiskEvent, type RiskIncident, riskEventRecord } from '../../../engine/index.ts';
import type { LiveFinding, RunRecord } from './live-finding.ts';

export const RISK_INDEX = 'risk';
export const NOTABLE_INDEX = 'notable';
export const INTERNAL_INDEX = 'internal';
/** The indexes the detect role writes: never streamed to the Sigma rules (no risk on risk). */
export const DETECT_OUTPUT_INDEXES: ReadonlySet<string> = new Set([
  RISK_INDEX,
  NOTABLE_INDEX,
  INTERNAL_INDEX,
]);

export const SCHEDULER_SOURCETYPE = 'scheduler';
export const ALERT_SOURCETYPE = 'alert';
export const ALERT_ACTION_SOURCETYPE = 'alert_action';

/** ES's default risk incident rule. */
export const INCIDENT_SEARCH_NAME = 'Risk Threshold Exceeded For Object Over 24 Hour Period';

const HOST = 'spelunk';

export function riskRecord(risk: RiskEvent, runId: string, time: number): Event {
  const record = riskEventRecord(risk, runId);
  if (typeof record['_time'] !== 'number') record['_time'] = time;
  return record;
}

export function runRecordEvent(run: RunRecord, counts: Record<string, number>, now: number): Event {
  const event: Event = {
    _time: now,
    index: INTERNAL_INDEX,
    sourcetype: SCHEDULER_SOURCETYPE,
    source: 'scheduler',
    host: HOST,
    app: 'spelunk',
    user: 'nobody',
  };
  for (const [name, value] of Object.entries({ ...run, ...counts })) {
    if (value !== undefined) event[name] = value;
  }
  return event;
}

export interface NotableOptions {
  readonly threshold: number;
  readonly windowSeconds: number;
}

/** A notable for a risk incident: its entity, total, window and contributing risk events. */
export function incidentNotable(
  incident: RiskIncident,
  runId: string,
  options: NotableOptions,
): Event {
  const id = alertId([
    'incident',
    incident.riskObjectType,
    incident.riskObject.toLowerCase(),
    String(incident.start),
  ]);
  const hours = Math.round(options.windowSeconds / 3600);
  const count = incident.contributions.length;
  return {
    _time: incident.start,
    index: NOTABLE_INDEX,
    sourcetype: 'stash',
    source: INCIDENT_SEARCH_NAME,
    host: HOST,
    search_name: INCIDENT_SEARCH_NAME,
    rule_name: INCIDENT_SEARCH_NAME,
    rule_title: `Risk threshold exceeded for ${incident.riskObjectType} ${incident.riskObject}`,
    rule_description: `${incident.riskObject} (${incident.riskObjectType}) reached a risk of ${incident.peakTotal} within ${hours} h (threshold ${options.threshold}) from ${incident.searchNames.length} detections`,
    notable_type: 'risk_incident',
    event_id: id,
    orig_sid: runId,
    status: 'new',
    owner: 'unassigned',
    severity: 'high',
    urgency: 'high',
    risk_object: incident.riskObject,
    risk_object_type: incident.riskObjectType,
    risk_score: incident.peakTotal,
    risk_event_count: count,
    source_count: incident.searchNames.length,
    info_min_time: incident.start,
    info_max_time: incident.end,
    ...mv('contributing_search_name', incident.searchNames),
    ...mv('risk_message', [...new Set(incident.contributions.map((c) => c.message))]),
    ...mv(
      'contributing_risk_event',
      incident.contributions.map((c) =>
        JSON.stringify({
          time: c.time,
          risk_score: c.score,
          search_name: c.searchName,
          risk_message: c.message,
        }),
      ),
    ),
  };
}

/** A notable for one finding of a detection that alerts (ES's notable action on its result). */
export function findingNotable(finding: LiveFinding, runId: string): Event {
  const { rule, search } = finding;
  const notable: Event = {};
  for (const [name, value] of Object.entries(finding.fields)) {
    if (value !== undefined && !name.startsWith('_') && name !== 'index') notable[name] = value;
  }
  const riskObjects = [...new Set(finding.risks.map((r) => r.riskObject))];
  const own: Event = {
    _time: finding.time,
    index: NOTABLE_INDEX,
    sourcetype: 'stash',
    source: search.name,
    host: HOST,
    orig_host: finding.fields['host'],
    search_name: search.name,
    rule_name: rule.name,
    rule_title: rule.name,
    rule_description: search.description,
    notable_type: 'finding',
    event_id: alertId(['finding', search.name, String(finding.time), stableText(finding.fields)]),
    orig_sid: runId,
    status: 'new',
    owner: 'unassigned',
    severity: rule.level ?? 'medium',
    risk_score: finding.risks.reduce((n, r) => n + r.riskScore, 0),
    ...mv('risk_object', riskObjects),
    ...mv('annotations.mitre_attack', rule.techniques),
  };
  for (const [name, value] of Object.entries(own)) {
    if (value === undefined) delete notable[name];
    else notable[name] = value;
  }
  return notable;
}

/** The outbox entry of an alert: what every alert action sends, kept until each has sent it. */
export function alertRecord(notable: Event, runId: string, now: number): Event {
  const payload = {
    alert_id: notable['event_id'],
    alert_type: notable['notable_type'],
    search_name: notable['search_name'],
    sid: runId,
    app: 'spelunk',
    owner: 'nobody',
    result: notable,
  };
  return {
    _time: now,
    index: INTERNAL_INDEX,
    sourcetype: ALERT_SOURCETYPE,
    source: 'alert',
    host: HOST,
    alert_id: notable['event_id'],
    search_name: notable['search_name'],
    payload: JSON.stringify(payload),
  };
}

export function deliveryRecord(
  alertIdText: string,
  action: string,
  outcome: { status: 'success' | 'failed'; attempts: number; detail: string },
  now: number,
): Event {
  return {
    _time: now,
    index: INTERNAL_INDEX,
    sourcetype: ALERT_ACTION_SOURCETYPE,
    source: 'alert_action',
    host: HOST,
    alert_id: alertIdText,
    action,
    status: outcome.status,
    attempts: outcome.attempts,
    detail: outcome.detail,
  };
}

/** An idempotency key: the same alert always gets the same one. */
export function alertId(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function mv(name: string, values: readonly string[]): Event {
  if (values.length === 0) return {};
  return { [name]: values.length === 1 ? values[0] : [...values] };
}

/** A row as text that does not depend on the order its fields were set in. */
function stableText(row: SharedEvent): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}
