// Routes each event to the detections whose index/source/sourcetype/EventCode filter can keep it, once per kind of event.
import type { Event } from '../../core/event.ts';
import type { MaybeValue } from '../../core/value.ts';
import { ROUTE_FIELDS, type RouteFilter } from '../../spl/plan/route-filter.ts';
import { admitsEvent } from '../route-admission.ts';

/** Distinct route-field combinations cached; past it the cache starts over (hostile input). */
const MAX_CACHED_KINDS = 16_384;
/** Distinct index/source/sourcetype triples and channels remembered for the coverage check. */
const MAX_SEEN = 10_000;

const NONE: readonly number[] = Object.freeze([]);

/** One index/source/sourcetype combination the inputs held, and how many events had it. */
export interface SeenOrigin {
  readonly index: string;
  readonly source: string;
  readonly sourcetype: string;
  events: number;
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
  private last:
    | {
        readonly index: MaybeValue;
        readonly source: MaybeValue;
        readonly sourcetype: MaybeValue;
        readonly channel: MaybeValue;
        readonly origin: SeenOrigin;
      }
    | undefined;
  /** True when more distinct origins or channels appeared than are remembered. */
  originsOverflowed = false;

  constructor(routes: readonly RouteFilter[]) {
    this.routes = routes;
  }

  /** Indices (into the routes given) of the detections that may keep `event`. */
  route(event: Event): readonly number[] {
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
    let targets = node.get(value) as readonly number[] | undefined;
    if (targets === undefined) {
      targets = this.decide(event);
      if (++this.cached > MAX_CACHED_KINDS) {
        this.cache = new Map();
        this.cached = 0;
      } else node.set(value, targets);
    }
    return targets;
  }

  /** Counts the event's index/source/sourcetype and channel, for the coverage check. */
  observe(event: Event): void {
    const index = event['index'];
    const source = event['source'];
    const sourcetype = event['sourcetype'];
    const channel = event['Channel'];
    const last = this.last;
    // Consecutive events mostly share their origin: no key is built for them.
    if (
      last !== undefined &&
      index === last.index &&
      source === last.source &&
      sourcetype === last.sourcetype &&
      channel === last.channel
    ) {
      last.origin.events++;
      return;
    }
    const key = `${text(index)}\u0000${text(source)}\u0000${text(sourcetype)}`;
    let origin = this.origins.get(key);
    if (origin !== undefined) origin.events++;
    else {
      origin = {
        index: text(index),
        source: text(source),
        sourcetype: text(sourcetype),
        events: 1,
      };
      if (this.origins.size < MAX_SEEN) this.origins.set(key, origin);
      else this.originsOverflowed = true;
    }
    this.last = { index, source, sourcetype, channel, origin };
    if (typeof channel === 'string' && !this.channels.has(channel)) {
      if (this.channels.size < MAX_SEEN) this.channels.add(channel);
      else this.originsOverflowed = true;
    }
  }

  private decide(event: Event): readonly number[] {
    const targets: number[] = [];
    for (let i = 0; i < this.routes.length; i++) {
      if (admitsEvent(this.routes[i] as RouteFilter, event)) targets.push(i);
    }
    return targets.length === 0 ? NONE : targets;
  }
}

function text(value: MaybeValue): string {
  if (value === undefined) return '';
  return String(Array.isArray(value) ? value[0] : value);
}
