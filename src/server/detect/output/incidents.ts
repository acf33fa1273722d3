// Risk incidents over the index, by the same rule as `hunt` (the engine's RiskLedger and
// findIncidents): for each entity that new risk events touch, its stored risk events around them
// and the new ones are windowed together; an incident holding a new risk event becomes a notable
// unless a notable of the same entity already covers part of it.
import type { Event } from '../../../core/index.ts';
import type { RiskObjectType } from '../../../detection/index.ts';
import {
  findIncidents,
  type IncidentOptions,
  type RiskEvent,
  type RiskIncident,
  RiskLedger,
} from '../../../engine/index.ts';
import { INCIDENT_SEARCH_NAME, NOTABLE_INDEX, RISK_INDEX } from './detect-records.ts';
import { scalarText } from './risk-values.ts';
import type { ReadValues } from './store-reads.ts';

/** How far back a notable may have started and still overlap a new incident. */
export const NOTABLE_LOOKBACK_SECONDS = 30 * 86_400;

export async function newIncidents(
  risks: readonly RiskEvent[],
  read: ReadValues,
  options: IncidentOptions,
): Promise<RiskIncident[]> {
  const timed = risks.filter((r) => r.time !== undefined);
  if (timed.length === 0) return [];
  const times = timed.map((r) => r.time as number);
  const objects = [...new Set(timed.map((r) => r.riskObject.toLowerCase()))];
  const types = new Set(timed.map((r) => entity(r.riskObjectType, r.riskObject)));
  const stored = await read({
    index: RISK_INDEX,
    earliest: Math.min(...times) - options.windowSeconds,
    latest: Math.max(...times) + options.windowSeconds + 1,
    field: 'risk_object',
    values: objects,
    fields: ['risk_object_type', 'risk_score', 'search_name', 'risk_message'],
  });
  const ledger = new RiskLedger();
  let n = 0;
  for (const event of stored) {
    const risk = storedRisk(event);
    if (risk !== undefined && types.has(entity(risk.riskObjectType, risk.riskObject))) {
      ledger.add(risk, n++);
    }
  }
  for (const risk of timed) ledger.add(risk, n++);
  const newTimes = new Map<string, number[]>();
  for (const r of timed) {
    const key = entity(r.riskObjectType, r.riskObject);
    const list = newTimes.get(key);
    if (list === undefined) newTimes.set(key, [r.time as number]);
    else list.push(r.time as number);
  }
  const fresh = findIncidents(ledger.entityLedgers(), options).filter((incident) =>
    (newTimes.get(entity(incident.riskObjectType, incident.riskObject)) ?? []).some(
      (t) => t >= incident.start && t <= incident.end,
    ),
  );
  return withoutNotables(fresh, read);
}

/** Incidents no existing notable of the same entity overlaps in time. */
async function withoutNotables(
  incidents: readonly RiskIncident[],
  read: ReadValues,
): Promise<RiskIncident[]> {
  if (incidents.length === 0) return [];
  const notables = await read({
    index: NOTABLE_INDEX,
    earliest: Math.min(...incidents.map((i) => i.start)) - NOTABLE_LOOKBACK_SECONDS,
    latest: Math.max(...incidents.map((i) => i.end)) + 1,
    where: { search_name: INCIDENT_SEARCH_NAME },
    field: 'risk_object',
    values: [...new Set(incidents.map((i) => i.riskObject.toLowerCase()))],
    fields: ['risk_object_type', 'info_min_time', 'info_max_time'],
  });
  return incidents.filter(
    (incident) =>
      !notables.some(
        (n) =>
          entity(scalarText(n['risk_object_type']), scalarText(n['risk_object'])) ===
            entity(incident.riskObjectType, incident.riskObject) &&
          Number(n['info_min_time']) <= incident.end &&
          Number(n['info_max_time']) >= incident.start,
      ),
  );
}

/** A stored risk event as the ledger counts it (its time, entity, score, detection, message). */
function storedRisk(event: Event): RiskEvent | undefined {
  const time = event['_time'];
  const score = Number(event['risk_score']);
  const type = scalarText(event['risk_object_type']);
  if (typeof time !== 'number' || !Number.isFinite(score)) return undefined;
  if (type !== 'system' && type !== 'user' && type !== 'other') return undefined;
  return {
    time,
    searchName: scalarText(event['search_name']),
    riskObject: scalarText(event['risk_object']),
    riskObjectType: type as RiskObjectType,
    riskObjectField: '',
    riskScore: score,
    riskMessage: scalarText(event['risk_message']),
    threatObjects: [],
    annotations: { mitreAttack: [], mitreTactics: [], analyticStories: [] },
    description: '',
    result: {},
  };
}

function entity(type: string, object: string): string {
  return `${type}\u0000${object.toLowerCase()}`;
}
