// Statistics the store computes over its columns (`stats count by host, EventCode`, tstats,
// metadata, eventcount) instead of handing every event to the search engine.
import type { StoreFilter, TimeRange } from './store-query.ts';

export type StoreAggregate =
  | { readonly kind: 'count' }
  /** Events with a value of the field. */
  | { readonly kind: 'countField'; readonly field: string }
  /** Distinct values of the field (case-sensitive text). */
  | { readonly kind: 'distinct'; readonly field: string }
  | { readonly kind: 'minTime' }
  | { readonly kind: 'maxTime' };

export interface AggregateQuery extends TimeRange {
  readonly indexes: readonly string[];
  /** Must be exact for the result to be; the store refuses it otherwise. */
  readonly filter: StoreFilter;
  /** Group-by fields (`index`, `host`, ... or stored fields); events lacking one are left out, as stats does. */
  readonly by: readonly string[];
  /**
   * Seconds of the buckets `_time` is grouped by when `by` names it: the group's value is
   * `floor(_time / timeBucket) * timeBucket` (bin's alignment for spans in s, m, h; 1 without a
   * span, the whole second). Default 1.
   */
  readonly timeBucket?: number;
  readonly aggregates: readonly StoreAggregate[];
  /** Stops the query (the search was cancelled or timed out). */
  readonly signal?: AbortSignal;
}

/** One group: its by-values in `by` order, then one value per aggregate. */
export interface AggregateRow {
  readonly by: readonly string[];
  readonly values: readonly (number | undefined)[];
}

/** Thrown when the store cannot compute the query exactly (a field holds multivalues somewhere). */
export class InexactAggregateError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InexactAggregateError';
  }
}
