// What the search role asks the store for: a time range, indexes, a filter over stored columns and
// the columns to fetch. The filter is the part of a search the store can evaluate; the search still
// runs in full over what comes back, so a filter may admit more than the search keeps, never less.

/**
 * A condition on stored fields, with Splunk's search semantics (spl/search/compile-search.ts):
 * `match` is a case-insensitive wildcard match of a field's text (`*` matches anything),
 * case-sensitive under CASE(); an event without the field does not match.
 */
export type StoreFilter =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  /** A condition the store cannot evaluate (a field computed at search time): admits everything, never exact. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'and'; readonly operands: readonly StoreFilter[] }
  | { readonly kind: 'or'; readonly operands: readonly StoreFilter[] }
  | { readonly kind: 'not'; readonly operand: StoreFilter }
  | {
      readonly kind: 'match';
      readonly field: string;
      /** As written (wildcards `*`); lower-cased unless `caseSensitive`. */
      readonly pattern: string;
      readonly caseSensitive: boolean;
    }
  | { readonly kind: 'exists'; readonly field: string }
  /**
   * `_raw` contains the text (`*` a wildcard): what a bare search term needs at least. Splunk
   * matches terms by token, so this admits more than the term does; never exact.
   */
  | { readonly kind: 'rawContains'; readonly text: string; readonly caseSensitive: boolean };

export const FILTER_TRUE: StoreFilter = { kind: 'true' };

export interface TimeRange {
  /** Inclusive epoch seconds; undefined = no lower bound. */
  readonly earliest?: number;
  /** Exclusive epoch seconds; undefined = no upper bound. */
  readonly latest?: number;
}

export interface StoreQuery extends TimeRange {
  /** Index names (already resolved from the search's index terms); unknown names find nothing. */
  readonly indexes: readonly string[];
  readonly filter: StoreFilter;
  /** The event fields to fetch besides the metadata (`_time`, `index`, `host`, `source`, `sourcetype`). */
  readonly fields: ReadonlySet<string> | 'all';
  /** Whether to fetch `_raw`. */
  readonly raw: boolean;
  /** Stops reading (the search was cancelled or timed out). */
  readonly signal?: AbortSignal;
}
