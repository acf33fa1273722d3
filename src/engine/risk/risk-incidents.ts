// Risk incidents: an entity whose risk within a time window exceeds a threshold, with the findings behind it.
import type { RiskObjectType } from '../../detection/index.ts';
import type { RiskContribution, RiskEntityLedger } from './risk-ledger.ts';

export interface IncidentOptions {
  /** An incident is raised when the total within the window is greater than this. */
  readonly threshold: number;
  readonly windowSeconds: number;
}

/**
 * Splunk ES's default risk incident rule, "Risk Threshold Exceeded For Object Over 24 Hour
 * Period", raises a notable when an object's risk over 24 hours is greater than 100.
 */
export const DEFAULT_INCIDENT_OPTIONS: IncidentOptions = { threshold: 100, windowSeconds: 86_400 };

export interface RiskIncident {
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  /** The highest total any window of the incident reached. */
  readonly peakTotal: number;
  /** Time of the first and the last contributing risk event. */
  readonly start: number;
  readonly end: number;
  /**
   * The risk events in the windows that exceeded the threshold, in time order: the first
   * MAX_LISTED_CONTRIBUTIONS of `contributionCount`.
   */
  readonly contributions: readonly RiskContribution[];
  readonly contributionCount: number;
  readonly searchNames: readonly string[];
}

/**
 * Slides a window of `windowSeconds` over each entity's risk events in time order (a window
 * ending at an event holds the events no older than `windowSeconds` before it). The incident
 * opens at the first event whose window total exceeds the threshold, with that window's events;
 * each later event while the total stays above it joins the same incident; once the total falls
 * to the threshold or below (an event arrives under it, or older events leave the window), a
 * later crossing is a new incident.
 */
export function findIncidents(
  entities: readonly RiskEntityLedger[],
  options: IncidentOptions = DEFAULT_INCIDENT_OPTIONS,
): RiskIncident[] {
  const incidents: RiskIncident[] = [];
  for (const entity of entities) {
    const c = entity.contributions;
    // Positions in time order (a stable sort: equal times keep the order raised).
    const events = Array.from({ length: c.length }, (_, i) => i).sort(
      (a, b) => c.time(a) - c.time(b),
    );
    let low = 0;
    let sum = 0;
    let open: Open | undefined;
    const close = () => {
      if (open === undefined) return;
      incidents.push(incidentOf(entity, open));
      open = undefined;
    };
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as number;
      while (low < i && c.time(events[low] as number) < c.time(event) - options.windowSeconds) {
        sum -= c.score(events[low] as number);
        low++;
      }
      // Events that left the window may have taken the total down before this one arrived.
      if (sum <= options.threshold) close();
      sum += c.score(event);
      if (sum > options.threshold) {
        if (open === undefined) {
          open = { listed: [], count: 0, peak: sum, last: event, searchNames: new Set() };
          for (let k = low; k <= i; k++) list(open, c, events[k] as number);
        } else {
          list(open, c, event);
          open.peak = Math.max(open.peak, sum);
        }
      } else close();
    }
    close();
  }
  return incidents.sort((a, b) => b.peakTotal - a.peakTotal || a.start - b.start);
}

/** Risk events an incident lists (its count says how many there were). */
export const MAX_LISTED_CONTRIBUTIONS = 1000;

interface Open {
  /** Positions of the listed risk events, and of the last one. */
  readonly listed: number[];
  count: number;
  peak: number;
  last: number;
  /** Of every risk event of the incident, listed or not. */
  readonly searchNames: Set<string>;
}

function list(open: Open, c: RiskEntityLedger['contributions'], position: number): void {
  if (open.listed.length < MAX_LISTED_CONTRIBUTIONS) open.listed.push(position);
  open.count++;
  open.last = position;
  open.searchNames.add(c.searchName(position));
}

function incidentOf(entity: RiskEntityLedger, open: Open): RiskIncident {
  const c = entity.contributions;
  const contributions = open.listed.map((i) => c.at(i));
  return {
    riskObject: entity.riskObject,
    riskObjectType: entity.riskObjectType,
    peakTotal: open.peak,
    start: (contributions[0] as RiskContribution).time,
    end: c.time(open.last),
    contributions,
    contributionCount: open.count,
    searchNames: [...open.searchNames].sort(),
  };
}
