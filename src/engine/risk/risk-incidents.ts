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
/** A contribution with the number of identical ones it stands for (1: itself alone). */
export interface CountedContribution extends RiskContribution {
  readonly repeats: number;
}

export const DEFAULT_INCIDENT_OPTIONS: IncidentOptions = { threshold: 100, windowSeconds: 86_400 };

export interface RiskIncident {
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  /** The host of a generic account's incident. */
  readonly scope: string | undefined;
  /** The highest total any window of the incident reached. */
  readonly peakTotal: number;
  /** Time of the first and the last contributing risk event. */
  readonly start: number;
  readonly end: number;
  /**
   * Every risk event in the windows that exceeded the threshold, in time order; repeats of one
   * rule's risk on the entity within a window are one contribution (`repeats` says how many).
   */
  readonly contributions: readonly CountedContribution[];
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
    const events = onceEachWindow(
      [...entity.contributions].sort((a, b) => a.time - b.time),
      options.windowSeconds,
    );
    let low = 0;
    let sum = 0;
    let open: { contributions: CountedContribution[]; peak: number } | undefined;
    const close = () => {
      if (open === undefined) return;
      incidents.push(incidentOf(entity, open.contributions, open.peak));
      open = undefined;
    };
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as CountedContribution;
      while (
        low < i &&
        (events[low] as CountedContribution).time < event.time - options.windowSeconds
      ) {
        sum -= (events[low] as CountedContribution).score;
        low++;
      }
      // Events that left the window may have taken the total down before this one arrived.
      if (sum <= options.threshold) close();
      sum += event.score;
      if (sum > options.threshold) {
        if (open === undefined) open = { contributions: events.slice(low, i + 1), peak: sum };
        else {
          open.contributions.push(event);
          open.peak = Math.max(open.peak, sum);
        }
      } else close();
    }
    close();
  }
  return incidents.sort((a, b) => b.peakTotal - a.peakTotal || a.start - b.start);
}

/**
 * The same rule raising risk on the same entity again within a window counts once (a burst of
 * 93 identical process-access findings is one thing that happened), with how many it stands for.
 */
function onceEachWindow(
  sorted: readonly RiskContribution[],
  windowSeconds: number,
): CountedContribution[] {
  const out: { contribution: RiskContribution; repeats: number }[] = [];
  const open = new Map<string, { contribution: RiskContribution; repeats: number }>();
  for (const contribution of sorted) {
    const current = open.get(contribution.searchName);
    if (current !== undefined && contribution.time - current.contribution.time <= windowSeconds) {
      current.repeats++;
      continue;
    }
    const counted = { contribution, repeats: 1 };
    open.set(contribution.searchName, counted);
    out.push(counted);
  }
  return out.map(({ contribution, repeats }) => ({ ...contribution, repeats }));
}

function incidentOf(
  entity: RiskEntityLedger,
  contributions: CountedContribution[],
  peak: number,
): RiskIncident {
  return {
    riskObject: entity.riskObject,
    riskObjectType: entity.riskObjectType,
    scope: entity.scope,
    peakTotal: peak,
    start: (contributions[0] as CountedContribution).time,
    end: (contributions[contributions.length - 1] as CountedContribution).time,
    contributions,
    searchNames: [...new Set(contributions.map((c) => c.searchName))].sort(),
  };
}
