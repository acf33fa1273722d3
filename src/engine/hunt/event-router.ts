// Routes each event to the detections whose index/source/sourcetype/EventCode filter can keep it, once per kind of event.
import type { Event, MaybeValue } from '../../core/index.ts';
import { ROUTE_FIELDS, type RouteFilter } from '../../spl/index.ts';
import { admitsEvent } from '../route-admission.ts';

/** Distinct route-field combinations cached; past it the cache starts over (hostile input). */
const MAX_CACHED_KINDS = 16_384;
/** Distinct index/source/sourcetype triples and channels remembered for the coverage check. */
const MAX_SEEN = 10_000;

/**
 * One kind of event: the detections it goes to. The router hands out one object per kind (per
 * event when a route field is multivalue), so callers can attach what they derive from it.
 */
export interface RouteKind {
  readonly targets: readonly number[];
}

/** One index/source/sourcetype combination the inputs held. */
export interface SeenOrigin {
  readonly index: string;
  readonly source: string;
  readonly sourcetype: string;
}

/**
 * Admission depends only on an event's route fields (ROUTE_FIELDS), and inputs hold few distinct
 * combinations of them: each combination is decided once for every detection and cached in
 * nested maps keyed by the field values, so routing costs a few map lookups per event.
 * Multivalue route fields (rare) are decided each time.
 */
export class EventRouter {
  private readonly routes: readonly RouteFilter[];
  private cache = new Map<MaybeValue, unknown>();
  private cached = 0;
  readonly origins = new Map<string, SeenOrigin>();
  readonly channels = new Set<string>();
  /** True when more distinct origins or channels appeared than are remembered. */
  originsOverflowed = false;

  constructor(routes: readonly RouteFilter[]) {
    this.routes = routes;
  }

  /** The event's kind: indices (into the routes given) of the detections that may keep it. */
  route(event: Event): RouteKind {
    let node: Map<MaybeValue, unknown> = this.cache;
    const last = ROUTE_FIELDS.length - 1;
    for (let i = 0; i < last; i++) {
      const value = event[ROUTE_FIELDS[i] as string];
      if (Array.isArray(value)) return this.decide(event);
      let next = node.get(value) as Map<MaybeValue, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    const value = event[ROUTE_FIELDS[last] as string];
    if (Array.isArray(value)) return this.decide(event);
    let kind = node.get(value) as RouteKind | undefined;
    if (kind === undefined) {
      kind = this.decide(event);
      if (++this.cached > MAX_CACHED_KINDS) {
        this.cache = new Map();
        this.cached = 0;
      } else node.set(value, kind);
    }
    return kind;
  }

  /** Remembers the event's channel, for the Sigma coverage check (only called when Sigma rules run). */
  observeChannel(event: Event): void {
    const channel = event['Channel'];
    if (typeof channel !== 'string' || this.channels.has(channel)) return;
    if (this.channels.size < MAX_SEEN) this.channels.add(channel);
    else this.originsOverflowed = true;
  }

  /** A kind of event not seen before (or not cached): its origin is remembered for the coverage check. */
  private remember(event: Event): void {
    const index = text(event['index']);
    const source = text(event['source']);
    const sourcetype = text(event['sourcetype']);
    const key = `${index}\u0000${source}\u0000${sourcetype}`;
    if (this.origins.has(key)) return;
    if (this.origins.size < MAX_SEEN) this.origins.set(key, { index, source, sourcetype });
    else this.originsOverflowed = true;
  }

  private decide(event: Event): RouteKind {
    this.remember(event);
    const targets: number[] = [];
    for (let i = 0; i < this.routes.length; i++) {
      if (admitsEvent(this.routes[i] as RouteFilter, event)) targets.push(i);
    }
    return { targets };
  }
}

function text(value: MaybeValue): string {
  if (value === undefined) return '';
  return String(Array.isArray(value) ? value[0] : value);
}
