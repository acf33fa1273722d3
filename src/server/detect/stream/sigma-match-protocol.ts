// What the main thread and the Sigma matcher say to each other: streaming Sigma runs beside the
// store, not on its thread (matching and the decoding it needs cost the main thread as much as the
// ingest they followed). The messages are plain data, so the matcher is a worker thread today and
// can be a process of the detect role later; `SigmaMatcherPort` is all the stream knows of it.
import type { SharedEvent } from '../../../core/index.ts';
import type { HuntRule, RiskEvent, WorkspaceOptions } from '../../../engine/index.ts';
import type { EncodedEvents } from '../../store/encoded-events.ts';
import type { PackedMatcher } from './packed-matcher.ts';

/**
 * Open a rule-set version: the workspace's options with the Sigma files the main thread compiled
 * (`Workspace.sigmaFiles`), so both run the same texts and the compiled rule-set cache answers.
 */
export interface LoadRequest {
  readonly kind: 'load';
  readonly generation: number;
  readonly options: WorkspaceOptions;
}

/**
 * Match a committed batch; a replay feeds correlation state and raises nothing. A batch with
 * `matches` (matched where it was encoded: matched-events.ts) holds only the matched events of a
 * committed batch, and is not matched again: its matches go on to findings and correlations.
 */
export interface MatchRequest {
  readonly kind: 'match';
  readonly id: number;
  readonly generation: number;
  readonly replay: boolean;
  readonly batch: EncodedEvents;
}

/** From now on `generation` takes the live batches: older versions are dropped. */
export interface ActivateRequest {
  readonly kind: 'activate';
  readonly generation: number;
}

export type MatcherRequest = LoadRequest | MatchRequest | ActivateRequest;

/** A Sigma match as the writer needs it; the stream adds the saved search it belongs to. */
export interface MatchedFinding {
  readonly rule: HuntRule;
  readonly fields: SharedEvent;
  readonly time: number;
  readonly risks: readonly RiskEvent[];
}

export interface LoadedReply {
  readonly kind: 'loaded';
  readonly generation: number;
  /** Rules and correlations it matches (0: nothing to stream). */
  readonly rules: number;
  /** Why it could not open (the stream then matches nothing for that version). */
  readonly problem?: string;
  /**
   * Its rules as a matcher for the threads that encode batches (HEC's parse workers): their
   * matches name rules by index in this very set.
   */
  readonly matcher?: PackedMatcher;
}

export interface MatchedReply {
  readonly kind: 'matched';
  readonly id: number;
  /** Events matched (the detect role's own output indexes are skipped). */
  readonly events: number;
  readonly findings: readonly MatchedFinding[];
  /** The rules stopped (the detector's memory bound, a failure): that version matches no more. */
  readonly failure?: string;
}

export type MatcherReply = LoadedReply | MatchedReply;

/** The matcher as the main thread holds it. Requests are handled in the order posted. */
export interface SigmaMatcherPort {
  post(request: MatcherRequest): void;
  onReply(listener: (reply: MatcherReply) => void): void;
  /** The matcher is gone (crashed, exited): requests without a reply will not get one. */
  onFailure(listener: (error: Error) => void): void;
  close(): Promise<void>;
}
