// What a stats aggregate is: a spec in the registry and a per-group accumulator it creates.
import type { MaybeValue } from '../../../core/index.ts';

/**
 * The state of one aggregate for one group. The caller evaluates the argument (a field or an
 * `eval(...)` expression) for each event of the group and calls `add` with the value; a
 * zero-argument call (`count`) is created with `arity` 0 and `add` gets `undefined`.
 * Memory is what the function needs: O(1) for count/sum/avg/min/max/first/last/earliest/latest,
 * bounded by distinct values for dc/values/mode/percentiles, by 100 values for list.
 */
export interface Accumulator {
  /** One event's value; `time` is its `_time` (used by earliest/latest and friends). */
  add(value: MaybeValue, time: number | undefined): void;
  /** The aggregate so far; may be called repeatedly (streamstats, eventstats). */
  result(): MaybeValue;
  /**
   * Estimated bytes of the values it holds, for aggregates whose state grows with distinct
   * values (dc, values, list, mode, median, percentiles); absent for the O(1) ones.
   */
  bytes?(): number;
}

export interface AggregateSpec {
  /** The canonical name, lower case (`perc95` → `perc`, `p95` → `perc`). */
  readonly name: string;
  readonly minArgs: 0 | 1;
  readonly maxArgs: 0 | 1;
  /** True when `add` needs the event's `_time`. */
  readonly needsTime: boolean;
  readonly summary: string;
  readonly create: (arity: 0 | 1) => Accumulator;
}
