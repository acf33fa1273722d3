// Risk incidents: an entity whose risk within a time window exceeds a threshold, with the findings behind it.
import type { RiskObjectType } from '../../detection/index.ts';
import type { RiskContribution, RiskEntityLedger } from './risk-ledger.ts';
import { timeOrder } from './time-order.ts';

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

/** A contribution with the number of identical ones it stands for (1: itself alone). */
export interface CountedContribution extends RiskContribution {
  readonly repeats: number;
}

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
   * The risk events in the windows that exceeded the threshold, in time order; repeats of one
   * rule's risk on the entity within a window are one contribution (`repeats` says how many).
   * The first MAX_LISTED_CONTRIBUTIONS of `contributionCount`.
   */
  readonly contributions: readonly CountedContribution[];
  /** Contributions of the incident, listed or not (repeats counted once). */
  readonly contributionCount: number;
  readonly searchNames: readonly string[];
}

/** Contributions an incident lists (its count says how many there were). */
export const MAX_LISTED_CONTRIBUTIONS = 1000;

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
    // Read back once per entity (the ledger keeps them on disk).
    const c = entity.contributions;
    // Positions in time order (equal times keep the order raised).
    const sorted = timeOrder(c.length, (position) => c.time(position));
    const { events, repeats, length } = onceEachWindow(c, sorted, options.windowSeconds);
    let low = 0;
    let sum = 0;
    let open: Open | undefined;
    const close = () => {
      if (open === undefined) return;
      incidents.push(incidentOf(entity, c, open));
      open = undefined;
    };
    for (let i = 0; i < length; i++) {
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
          for (let k = low; k <= i; k++) list(open, c, events[k] as number, repeats[k] as number);
        } else {
          list(open, c, event, repeats[i] as number);
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
 * 93 identical process-access findings is one thing that happened), with how many it stands for:
 * the positions of the contributions that count, in time order, and each one's repeats.
 */
function onceEachWindow(
  c: RiskEntityLedger['contributions'],
  sorted: Uint32Array,
  windowSeconds: number,
): { events: Uint32Array; repeats: Uint32Array; length: number } {
  // Typed, at most one entry per risk event: up to a million of them for one entity.
  const events = new Uint32Array(sorted.length);
  const repeats = new Uint32Array(sorted.length);
  let length = 0;
  // Per search name: the contribution a repeat folds into, and its place in `events`.
  const open = new Map<string, { position: number; at: number }>();
  for (const position of sorted) {
    const name = c.searchName(position);
    const current = open.get(name);
    if (current !== undefined && c.time(position) - c.time(current.position) <= windowSeconds) {
      repeats[current.at] = (repeats[current.at] as number) + 1;
      continue;
    }
    open.set(name, { position, at: length });
    events[length] = position;
    repeats[length] = 1;
    length++;
  }
  return { events, repeats, length };
}

interface Open {
  /** Positions of the listed contributions with their repeats, and of the last one. */
  readonly listed: { readonly position: number; readonly repeats: number }[];
  count: number;
  peak: number;
  last: number;
  /** Of every contribution of the incident, listed or not. */
  readonly searchNames: Set<string>;
}

function list(
  open: Open,
  c: RiskEntityLedger['contributions'],
  position: number,
  repeats: number,
): void {
  if (open.listed.length < MAX_LISTED_CONTRIBUTIONS) open.listed.push({ position, repeats });
  open.count++;
  open.last = position;
  open.searchNames.add(c.searchName(position));
}

function incidentOf(
  entity: RiskEntityLedger,
  c: RiskEntityLedger['contributions'],
  open: Open,
): RiskIncident {
  const contributions = open.listed.map(({ position, repeats }) => ({
    ...c.at(position),
    repeats,
  }));
  return {
    riskObject: entity.riskObject,
    riskObjectType: entity.riskObjectType,
    scope: entity.scope,
    peakTotal: open.peak,
    start: (contributions[0] as CountedContribution).time,
    end: c.time(open.last),
    contributions,
    contributionCount: open.count,
    searchNames: [...open.searchNames].sort(),
  };
}
