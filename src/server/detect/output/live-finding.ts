// What the detect role's runs hand to the writer: findings with their risk events already raised
// by the engine's risk rules, the run's record and the checkpoint it completes.
import type { Event, SharedEvent } from '../../../core/index.ts';
import type { HuntRule, RiskEvent } from '../../../engine/index.ts';
import type { Checkpoint } from '../../store/event-store.ts';
import type { SavedSearch } from '../saved-searches.ts';

export interface LiveFinding {
  readonly search: SavedSearch;
  readonly rule: HuntRule;
  /** The result row, or the matched event (Sigma). */
  readonly fields: SharedEvent;
  /** Event time (docs/risk.md): the row's, else the end of the window its search read. */
  readonly time: number;
  readonly risks: readonly RiskEvent[];
}

/** A run's record as Splunk's scheduler.log has it (`index=internal sourcetype=scheduler`). */
export interface RunRecord {
  readonly savedsearch_name: string;
  readonly search_type: 'scheduled' | 'manual';
  readonly status: 'success' | 'failed' | 'skipped';
  readonly reason?: string;
  readonly sid: string;
  /** Epoch seconds: the cron time the run is for, when it started, and the window it read. */
  readonly scheduled_time: number;
  readonly dispatch_time: number;
  readonly earliest_time?: number;
  readonly latest_time?: number;
  /** Seconds the search took. */
  readonly run_time: number;
  readonly result_count: number;
  /** Skipped runs: how many windows the record stands for. */
  readonly skipped_windows?: number;
}

/** One run's output, written in one transaction (so a crash can neither lose nor repeat part of it). */
export interface RunOutput {
  /** `orig_sid` of its risk events and notables. */
  readonly runId: string;
  readonly findings: readonly LiveFinding[];
  readonly run?: RunRecord;
  readonly checkpoints?: readonly Checkpoint[];
  /**
   * The Sigma stream's position after the batches whose findings these are (stream-position.ts):
   * committed with them, but, unlike a run's checkpoints, it lets the output wait to share a write.
   */
  readonly matchedUpTo?: readonly Checkpoint[];
  /**
   * Events written as they are, with no finding (alert delivery records): they wait like
   * streamed outputs and ride in the next write, which most often touches their index anyway.
   */
  readonly records?: readonly Event[];
}

/** What the writer did with a run's output. */
export interface WriteSummary {
  readonly riskEvents: number;
  readonly suppressed: number;
  readonly notables: number;
  readonly alerts: number;
}
