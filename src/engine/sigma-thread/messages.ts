// What the main thread and the Sigma matching worker say to each other.
import type { InputOptions } from '../../ingest/index.ts';
import type { MatcherData } from '../../sigma/index.ts';
import type { EventTimeRange } from '../triage/event-time-range.ts';

/** The worker's job: read these inputs as the hunt reads them and match every event. */
export interface MatchJob {
  readonly matcher: MatcherData;
  readonly paths: readonly string[];
  /** The hunt's read options, without callbacks, stdin or EVTX decoding workers. */
  readonly input: Omit<InputOptions, 'signal' | 'onProblem' | 'stdin' | 'onBytes'>;
  readonly timeRange?: EventTimeRange;
  /**
   * `[0]`: events the main thread has asked matches for; `[1]`: 1 once it wants nothing more.
   * The worker stays at most `window` events ahead of `[0]`, so what waits for it is bounded.
   */
  readonly progress: SharedArrayBuffer;
  readonly window: number;
}

/**
 * The matches of the events before `end` not yet reported: `found` holds, for each match,
 * the event's ordinal (0-based, in input order) and the rule's index; `entries` the entry name
 * of each match's variant.
 */
export interface MatchBatch {
  readonly kind: 'batch';
  readonly end: number;
  readonly found: Int32Array;
  readonly entries: readonly string[];
}

export type MatchReply =
  | MatchBatch
  | { readonly kind: 'done'; readonly events: number }
  | { readonly kind: 'failed'; readonly message: string };
