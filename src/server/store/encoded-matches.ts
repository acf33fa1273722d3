// Sigma matches that travel with an encoded batch (store/encoded-events.ts): HEC's parse workers
// hold each event as an object for a moment before encoding it, and match it then against the
// live rule set (detect/stream/batch-matcher.ts), so that live detection need neither copy the
// whole batch to its matcher nor decode it there (docs/server.md, "Where it matches"). The store
// carries them untouched; only the Sigma stream reads them, after the batch's commit.
export interface EncodedMatches {
  /** The rule-set version they were found with (the Sigma stream's generation). */
  readonly version: number;
  /** Per match, two Int32s: the event's row in the batch and the rule's index in that set. */
  readonly found: Int32Array;
  /** Per match, the logsource mapping entry its event matched through. */
  readonly entries: readonly string[];
}
