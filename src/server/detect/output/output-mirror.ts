// An in-memory copy of part of one of the detect role's output indexes (`index=risk`, the risk
// incident notables), so a write of the detect writer needs no read of the store: the writer
// answers suppression's and the incident rule's reads from it. It holds, for a time range
// [from, +inf) of event time, every event of its index that meets its `where`, with only the
// fields the reads ask for, indexed by one field's lowercased value. It is loaded from the store
// at start (as the Sigma stream's correlation state is), the writer adds its own output as it
// writes it and the events other writers commit to the index, and it forgets what falls out of
// its window. A read it does not cover (an older time range, a field it does not keep) is
// answered by the store, exactly as before it existed.
import type { Event } from '../../../core/index.ts';
import type { EventStore } from '../../store/event-store.ts';
import { readValues, type ValuesQuery, valuesMatcher } from './store-reads.ts';

export interface MirrorSpec {
  readonly index: string;
  /** Only events meeting this are kept: field = value (case-insensitive). */
  readonly where?: Readonly<Record<string, string>>;
  /** Fields kept besides `_time`, `index` and the `where` and `key` fields. */
  readonly fields: readonly string[];
  /** The fields events are indexed by (a read naming one with values looks up only those). */
  readonly keys: readonly string[];
  /** Seconds of event time before the clock the copy keeps. */
  readonly keepSeconds: number;
  /** Events kept at most: past it the oldest are forgotten and reads before them go to the store. */
  readonly maxEvents: number;
}

export class OutputMirror {
  readonly spec: MirrorSpec;
  private fields: Set<string>;
  private readonly admits: (event: Event) => boolean;
  /** Every event with `_time >= from` is here (none before it is asked for here). */
  private from = Number.POSITIVE_INFINITY;
  private events: Event[] = [];
  /** Per key field, its lowercased values' events. */
  private byKey = new Map<string, Map<string, Event[]>>();
  /** Oldest event time the last prune kept; a prune runs once the window moved a tenth past it. */
  private pruned = Number.NEGATIVE_INFINITY;
  /** Times the cap made the copy forget events still in its window. */
  capped = 0;

  constructor(spec: MirrorSpec) {
    this.spec = spec;
    this.fields = new Set([
      '_time',
      'index',
      ...spec.keys,
      ...Object.keys(spec.where ?? {}),
      ...spec.fields,
    ]);
    this.admits = valuesMatcher({ index: spec.index, fields: [], where: spec.where ?? {} });
  }

  get size(): number {
    return this.events.length;
  }

  /** Fills the copy from the store: the last `keepSeconds` before `now`, with these extra fields too. */
  async load(
    store: Pick<EventStore, 'query'>,
    now: number,
    extraFields: readonly string[] = [],
  ): Promise<void> {
    this.fields = new Set([...this.fields, ...extraFields]);
    const from = now - this.spec.keepSeconds;
    const stored = await readValues(store, {
      index: this.spec.index,
      earliest: from,
      ...(this.spec.where === undefined ? {} : { where: this.spec.where }),
      fields: [...this.fields],
    });
    this.events = [];
    this.byKey = new Map();
    this.from = from;
    this.pruned = from;
    // The store answers newest first; kept oldest first.
    for (let i = stored.length - 1; i >= 0; i--) this.put(stored[i] as Event);
    this.enforceCap();
  }

  /** Whether the copy keeps these fields. */
  keeps(fields: readonly string[]): boolean {
    return fields.every((f) => this.fields.has(f));
  }

  /** Events committed (or about to be) to any index: those of this copy's index and `where` are kept. */
  add(events: readonly Event[]): void {
    for (const event of events) {
      if (event['index'] !== this.spec.index || !this.admits(event)) continue;
      const time = event['_time'];
      if (typeof time !== 'number' || time < this.from) continue;
      this.put(event);
    }
    this.enforceCap();
  }

  /** The events a store read would return (newest first), or undefined when the copy does not cover it. */
  read(query: ValuesQuery): Event[] | undefined {
    if (query.index !== this.spec.index || query.limit !== undefined) return undefined;
    if (query.earliest === undefined || query.earliest < this.from) return undefined;
    const asked =
      query.fields === 'all' ? undefined : [...query.fields, ...Object.keys(query.where ?? {})];
    if (
      asked === undefined ||
      !this.keeps(asked) ||
      (query.field !== undefined && !this.fields.has(query.field))
    ) {
      return undefined;
    }
    for (const [f, v] of Object.entries(this.spec.where ?? {})) {
      if (query.where?.[f]?.toLowerCase() !== v.toLowerCase()) return undefined;
    }
    const index = query.field === undefined ? undefined : this.byKey.get(query.field);
    const candidates =
      index !== undefined && query.values !== undefined
        ? [...new Set(query.values.map((v) => v.toLowerCase()))].flatMap((v) => index.get(v) ?? [])
        : this.events;
    const matches = valuesMatcher(query);
    const latest = query.latest ?? Number.POSITIVE_INFINITY;
    const out = candidates.filter((event) => {
      const time = event['_time'] as number;
      return time >= (query.earliest as number) && time < latest && matches(event);
    });
    return out.sort((a, b) => (b['_time'] as number) - (a['_time'] as number));
  }

  /** Forgets what fell out of the window before `now` (amortized: once it moved a tenth of it). */
  prune(now: number): void {
    const from = now - this.spec.keepSeconds;
    if (from - this.pruned < this.spec.keepSeconds / 10) return;
    this.forget((time) => time < from, from);
  }

  private put(event: Event): void {
    const kept: Event = {};
    for (const field of this.fields) if (event[field] !== undefined) kept[field] = event[field];
    this.events.push(kept);
    this.index(kept);
  }

  private enforceCap(): void {
    if (this.events.length <= this.spec.maxEvents) return;
    // Keep at most nine tenths of the cap, the newest; the window then starts just after the
    // newest event forgotten (events of the same time go together).
    const times = this.events.map((e) => e['_time'] as number).sort((a, b) => a - b);
    const cut = times[this.events.length - Math.floor(this.spec.maxEvents * 0.9) - 1] as number;
    this.capped++;
    this.forget((time) => time <= cut, cut + 0.001);
  }

  private forget(gone: (time: number) => boolean, from: number): void {
    this.pruned = from;
    if (from <= this.from) return;
    this.from = from;
    this.events = this.events.filter((e) => !gone(e['_time'] as number));
    this.byKey = new Map();
    for (const event of this.events) this.index(event);
  }

  private index(event: Event): void {
    for (const field of this.spec.keys) {
      let index = this.byKey.get(field);
      if (index === undefined) {
        index = new Map();
        this.byKey.set(field, index);
      }
      const value = event[field];
      const key = typeof value === 'string' ? value.toLowerCase() : String(value);
      const list = index.get(key);
      if (list === undefined) index.set(key, [event]);
      else list.push(event);
    }
  }

  /** Where the copy's coverage starts (epoch seconds; Infinity before it is loaded). */
  get coversFrom(): number {
    return this.from;
  }
}
