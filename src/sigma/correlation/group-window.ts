// Per-group window state of one correlation: what it keeps, when it fires, how it is bounded.
import { maxOf, minOf } from '../../core/index.ts';
import type { CorrelationThreshold, CorrelationType, RuleRefExpr } from '../model/rule.ts';
import { firesEarly, itemsToKeep, thresholdHolds } from './threshold.ts';

/** One event as a correlation sees it: which referenced rule it matched, when, its value. */
export interface WindowInput {
  /** Index into the correlation's `rules`. */
  readonly input: number;
  readonly time: number;
  /** value_count: the distinct-counted text; value_sum/avg: the number. */
  readonly value?: string | number;
}

export interface WindowResult {
  /** The aggregate that satisfied the condition (count, distinct count, sum, average, types). */
  readonly value: number;
  readonly firstTime: number;
}

export interface GroupWindow {
  /** Adds an input; returns a result when the correlation fires (the window then starts over). */
  push(input: WindowInput): WindowResult | undefined;
  /** Judges a window that is complete by `now` (conditions that need a complete window). */
  close(now: number): WindowResult | undefined;
  /** Latest time this window still needs (for expiring idle groups). */
  lastTime(): number;
}

export interface WindowSpec {
  readonly type: CorrelationType;
  readonly spanSeconds: number;
  readonly inputCount: number;
  readonly threshold?: CorrelationThreshold;
  readonly expression?: RuleRefExpr;
  /** Names of the referenced rules, for expressions. */
  readonly inputNames: readonly string[];
  /** Cap on values a complete-window aggregation keeps (value_count distinct values). */
  readonly maxValues: number;
}

export function createGroupWindow(spec: WindowSpec): GroupWindow {
  switch (spec.type) {
    case 'temporal':
      return new TemporalWindow(spec);
    case 'temporal_ordered':
      return new OrderedWindow(spec);
    default:
      return spec.threshold && firesEarly(spec.threshold)
        ? new SlidingWindow(spec)
        : new TumblingWindow(spec);
  }
}

function aggregate(
  type: CorrelationType,
  values: readonly (string | number | undefined)[],
): number {
  switch (type) {
    case 'value_count':
      return new Set(values.filter((v) => v !== undefined)).size;
    case 'value_sum':
      return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'value_avg': {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      return numbers.length === 0
        ? Number.NaN
        : numbers.reduce((s, v) => s + v, 0) / numbers.length;
    }
    default:
      return values.length;
  }
}

/** gt/gte conditions: the last events within `timespan` of the newest one, at most as many as needed. */
class SlidingWindow implements GroupWindow {
  private readonly spec: WindowSpec;
  private readonly keep: number;
  private items: WindowInput[] = [];

  constructor(spec: WindowSpec) {
    this.spec = spec;
    // Counts need only the last N events (distinct values); sums and averages every event in the
    // window, bounded by maxValues.
    this.keep =
      spec.type === 'event_count' || spec.type === 'value_count'
        ? itemsToKeep(spec.threshold as CorrelationThreshold)
        : spec.maxValues;
  }

  push(input: WindowInput): WindowResult | undefined {
    const from = input.time - this.spec.spanSeconds;
    let items = this.items.filter((i) => i.time >= from);
    if (this.spec.type === 'value_count') items = items.filter((i) => i.value !== input.value);
    items.push(input);
    if (items.length > this.keep) items = items.slice(items.length - this.keep);
    this.items = items;
    const value = aggregate(
      this.spec.type,
      items.map((i) => i.value),
    );
    if (!thresholdHolds(this.spec.threshold as CorrelationThreshold, value)) return undefined;
    const firstTime = minOf(items.map((i) => i.time));
    this.items = [];
    return { value, firstTime };
  }

  close(): WindowResult | undefined {
    return undefined;
  }

  lastTime(): number {
    return this.items.length === 0
      ? Number.NEGATIVE_INFINITY
      : (this.items[this.items.length - 1] as WindowInput).time;
  }
}

/** lt/lte/eq/neq and ranges: windows of `timespan` from their first event, judged when complete. */
class TumblingWindow implements GroupWindow {
  private readonly spec: WindowSpec;
  private start = Number.NaN;
  private count = 0;
  private sum = 0;
  private numbers = 0;
  private readonly distinct = new Set<string | number>();

  constructor(spec: WindowSpec) {
    this.spec = spec;
  }

  push(input: WindowInput): WindowResult | undefined {
    const closed = this.close(input.time);
    if (Number.isNaN(this.start)) this.start = input.time;
    this.count++;
    if (typeof input.value === 'number') {
      this.sum += input.value;
      this.numbers++;
    }
    if (input.value !== undefined && this.distinct.size < this.spec.maxValues)
      this.distinct.add(input.value);
    return closed;
  }

  close(now: number): WindowResult | undefined {
    if (Number.isNaN(this.start) || now <= this.start + this.spec.spanSeconds) return undefined;
    const value =
      this.spec.type === 'value_count'
        ? this.distinct.size
        : this.spec.type === 'value_sum'
          ? this.sum
          : this.spec.type === 'value_avg'
            ? this.numbers === 0
              ? Number.NaN
              : this.sum / this.numbers
            : this.count;
    const firstTime = this.start;
    this.start = Number.NaN;
    this.count = 0;
    this.sum = 0;
    this.numbers = 0;
    this.distinct.clear();
    return thresholdHolds(this.spec.threshold as CorrelationThreshold, value)
      ? { value, firstTime }
      : undefined;
  }

  lastTime(): number {
    return Number.isNaN(this.start) ? Number.NEGATIVE_INFINITY : this.start + this.spec.spanSeconds;
  }
}

/** temporal: the latest time each referenced rule matched; fires when enough are within timespan. */
class TemporalWindow implements GroupWindow {
  private readonly spec: WindowSpec;
  private readonly seen: number[];

  constructor(spec: WindowSpec) {
    this.spec = spec;
    this.seen = new Array<number>(spec.inputCount).fill(Number.NEGATIVE_INFINITY);
  }

  push(input: WindowInput): WindowResult | undefined {
    this.seen[input.input] = input.time;
    const from = input.time - this.spec.spanSeconds;
    const present = this.seen.map((t) => t >= from);
    const count = present.filter(Boolean).length;
    const fires = this.spec.expression
      ? evaluate(
          this.spec.expression,
          (name) => present[this.spec.inputNames.indexOf(name)] === true,
        )
      : thresholdHolds(this.spec.threshold as CorrelationThreshold, count);
    if (!fires) return undefined;
    const firstTime = minOf(this.seen.filter((t) => t >= from));
    this.seen.fill(Number.NEGATIVE_INFINITY);
    return { value: count, firstTime };
  }

  close(): WindowResult | undefined {
    return undefined;
  }

  lastTime(): number {
    return maxOf(this.seen);
  }
}

/**
 * temporal_ordered: `chain[k]` is the latest start of a chain that matched rules 0..k in order
 * within timespan; fires when the completed prefix satisfies the condition (all rules by default).
 */
class OrderedWindow implements GroupWindow {
  private readonly spec: WindowSpec;
  private readonly chain: number[];

  constructor(spec: WindowSpec) {
    this.spec = spec;
    this.chain = new Array<number>(spec.inputCount).fill(Number.NaN);
  }

  push(input: WindowInput): WindowResult | undefined {
    const { time } = input;
    const from = time - this.spec.spanSeconds;
    const i = input.input;
    if (i === 0) this.chain[0] = time;
    else {
      const previous = this.chain[i - 1] as number;
      if (!Number.isNaN(previous) && previous >= from) {
        const current = this.chain[i] as number;
        this.chain[i] = Number.isNaN(current) ? previous : Math.max(current, previous);
      }
    }
    let length = 0;
    while (
      length < this.chain.length &&
      !Number.isNaN(this.chain[length] as number) &&
      (this.chain[length] as number) >= from
    )
      length++;
    if (!thresholdHolds(this.spec.threshold as CorrelationThreshold, length)) return undefined;
    const firstTime = this.chain[length - 1] as number;
    this.chain.fill(Number.NaN);
    return { value: length, firstTime };
  }

  close(): WindowResult | undefined {
    return undefined;
  }

  lastTime(): number {
    return maxOf(this.chain.filter((t) => !Number.isNaN(t))) + this.spec.spanSeconds;
  }
}

function evaluate(expr: RuleRefExpr, present: (name: string) => boolean): boolean {
  switch (expr.kind) {
    case 'ref':
      return present(expr.name);
    case 'not':
      return !evaluate(expr.arg, present);
    case 'and':
      return expr.args.every((a) => evaluate(a, present));
    case 'or':
      return expr.args.some((a) => evaluate(a, present));
  }
}
