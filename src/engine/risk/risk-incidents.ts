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
 *
 * The same rule raising risk on the same entity again within a window of its first one counts
 * once (a burst of 93 identical process-access findings is one thing that happened), with how
 * many it stands for. So a window holds at most one counted risk event per search name, and the
 * entity's risk events stream through it in time order: what this holds is the window, each
 * search name's last counted event and the incidents' listed contributions, not the entity's
 * risk events (up to a million).
 */
export function findIncidents(
  entities: readonly RiskEntityLedger[],
  options: IncidentOptions = DEFAULT_INCIDENT_OPTIONS,
): RiskIncident[] {
  const incidents: RiskIncident[] = [];
  for (const entity of entities) {
    for (const open of entityIncidents(entity, options)) incidents.push(incidentOf(entity, open));
  }
  return incidents.sort((a, b) => b.peakTotal - a.peakTotal || a.start - b.start);
}

/** A risk event that counts, with the repeats folded into it so far (1: itself alone). */
interface Counted {
  readonly time: number;
  readonly score: number;
  readonly searchName: string;
  readonly message: string;
  readonly finding: number;
  repeats: number;
}

interface Open {
  /** The listed contributions (their repeats may still grow until the entity's end), and the last. */
  readonly listed: Counted[];
  count: number;
  peak: number;
  last: Counted;
  /** Of every contribution of the incident, listed or not. */
  readonly searchNames: Set<string>;
}

/** Window positions dropped from the front before the array is compacted. */
const COMPACT_AFTER = 1024;

function entityIncidents(entity: RiskEntityLedger, options: IncidentOptions): Open[] {
  const { threshold, windowSeconds } = options;
  const found: Open[] = [];
  // Per search name: its last counted event, which a repeat within the window folds into.
  const folds = new Map<string, Counted>();
  // The counted events from `low` on are in the window; `sum` is their total.
  let window: Counted[] = [];
  let low = 0;
  let sum = 0;
  let open: Open | undefined;
  const close = () => {
    if (open === undefined) return;
    found.push(open);
    open = undefined;
  };
  entity.eachInTimeOrder((time, score, searchName, message, finding) => {
    const fold = folds.get(searchName);
    if (fold !== undefined && time - fold.time <= windowSeconds) {
      fold.repeats++;
      return;
    }
    const event: Counted = { time, score, searchName, message, finding, repeats: 1 };
    folds.set(searchName, event);
    while (low < window.length && (window[low] as Counted).time < time - windowSeconds) {
      sum -= (window[low] as Counted).score;
      low++;
    }
    // Events that left the window may have taken the total down before this one arrived.
    if (sum <= threshold) close();
    sum += score;
    window.push(event);
    if (sum > threshold) {
      if (open === undefined) {
        open = { listed: [], count: 0, peak: sum, last: event, searchNames: new Set() };
        for (let k = low; k < window.length; k++) list(open, window[k] as Counted);
      } else {
        list(open, event);
        open.peak = Math.max(open.peak, sum);
      }
    } else close();
    if (low >= COMPACT_AFTER && low * 2 >= window.length) {
      window = window.slice(low);
      low = 0;
    }
  });
  close();
  return found;
}

function list(open: Open, event: Counted): void {
  if (open.listed.length < MAX_LISTED_CONTRIBUTIONS) open.listed.push(event);
  open.count++;
  open.last = event;
  open.searchNames.add(event.searchName);
}

/** Made once the entity's risk events are all read: only then are the repeats final. */
function incidentOf(entity: RiskEntityLedger, open: Open): RiskIncident {
  const contributions = open.listed.map(
    ({ time, score, searchName, message, finding, repeats }) => ({
      time,
      score,
      searchName,
      message,
      finding,
      repeats,
    }),
  );
  return {
    riskObject: entity.riskObject,
    riskObjectType: entity.riskObjectType,
    scope: entity.scope,
    peakTotal: open.peak,
    start: (contributions[0] as CountedContribution).time,
    end: open.last.time,
    contributions,
    contributionCount: open.count,
    searchNames: [...open.searchNames].sort(),
  };
}
