// The one router of the pump: each event goes to the consumers (SPL searches, Sigma rules) whose
// route can keep it, decided once per kind of event; the kinds seen are what the inputs held.
import type { MaybeValue, SharedEvent } from '../../core/index.ts';
import { ROUTE_FIELDS, type RouteFilter, routeAdmits } from '../../spl/index.ts';

/** Distinct route-field combinations cached; past it the cache starts over (hostile input). */
const MAX_CACHED_KINDS = 16_384;
/** Distinct origins (index, source, sourcetype, channel) remembered for the coverage check. */
const MAX_SEEN = 10_000;

/**
 * One kind of event: the consumers it goes to. The router hands out one object per kind (per
 * event when a route field is multivalue), so callers can attach what they derive from it.
 */
export interface RouteKind {
  /** Indices, into the routes the router was made with, of the consumers that may keep it. */
  readonly targets: readonly number[];
}

/** Where events came from: one combination of the fields coverage checks look at. */
export interface SeenOrigin {
  readonly index: string;
  readonly source: string;
  readonly sourcetype: string;
  /** The Windows event log channel; '' when the events have none. */
  readonly channel: string;
}

/**
 * Admission depends only on an event's route fields (ROUTE_FIELDS), and inputs hold few distinct
 * combinations of them: each combination is decided once for every consumer and cached in
 * nested maps keyed by the field values, so routing costs a few map lookups per event.
 * Multivalue route fields (rare) are decided each time. Every combination decided is also
 * remembered as an origin: what the inputs held, for the coverage warnings of SPL and Sigma alike.
 */
export class EventRouter {
  private readonly routes: readonly RouteFilter[];
  private cache = new Map<MaybeValue, unknown>();
  private cached = 0;
  private readonly origins = new Map<string, SeenOrigin>();
  /** True when more distinct origins appeared than are remembered. */
  originsOverflowed = false;

  constructor(routes: readonly RouteFilter[]) {
    this.routes = routes;
  }

  /** The event's kind: the consumers whose route may keep it. */
  route(event: SharedEvent): RouteKind {
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

  /** The origins of the events routed so far (at most MAX_SEEN of them). */
  seen(): readonly SeenOrigin[] {
    return [...this.origins.values()];
  }

  private remember(event: SharedEvent): void {
    const index = text(event['index']);
    const source = text(event['source']);
    const sourcetype = text(event['sourcetype']);
    const channel = text(event['Channel']);
    const key = `${index}\u0000${source}\u0000${sourcetype}\u0000${channel}`;
    if (this.origins.has(key)) return;
    if (this.origins.size < MAX_SEEN) this.origins.set(key, { index, source, sourcetype, channel });
    else this.originsOverflowed = true;
  }

  private decide(event: SharedEvent): RouteKind {
    this.remember(event);
    const targets: number[] = [];
    for (let i = 0; i < this.routes.length; i++) {
      if (routeAdmits(this.routes[i] as RouteFilter, event)) targets.push(i);
    }
    return { targets };
  }
}

function text(value: MaybeValue): string {
  if (value === undefined) return '';
  return String(Array.isArray(value) ? value[0] : value);
}
