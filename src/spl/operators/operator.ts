// The push-based operator protocol every command runs on, and the compiled, reusable stage that makes one.
import type { Event, Span } from '../../core/index.ts';
import type { Plan } from '../plan/plan.ts';
import type { RouteFilter } from '../plan/route-filter.ts';
import type { FieldNeed } from './field-need.ts';
import type { RunServices } from './run-services.ts';

/** A batch of rows. Operators never keep a reference to a batch array after `push` returns. */
export type Rows = readonly Event[];

/** Hands rows to the next operator. Never called with an empty batch by the run. */
export type Emit = (rows: Rows) => void;

/**
 * One command's state in one run. Streaming commands emit from `push` and hold nothing;
 * blocking ones (stats, sort, eventstats) hold only their state and emit from `finish`.
 */
export interface Operator {
  push(rows: Rows, emit: Emit): void;
  /** Called once, after the last `push`: emit what is held. */
  finish(emit: Emit): void;
  /** True once no further row can change what this operator emits (head reached its limit). */
  exhausted?(): boolean;
}

/**
 * A compiled command: immutable, shared by every run of its plan. `start` makes the operator of
 * one run, with fresh state.
 */
export interface Stage {
  /** The command as written (`bucket`, `stats`), for messages. */
  readonly command: string;
  readonly span: Span;
  /**
   * The fields this stage needs from its input rows, given the fields its output must carry
   * (`needs(downstream)`): how the plan learns which raw fields to extract.
   */
  needs(downstream: FieldNeed): FieldNeed;
  /** `inPlace`: changes its input rows (needs rows this run owns); `fresh`: emits new rows. */
  readonly rows: 'pass' | 'inPlace' | 'fresh';
  /** True for a generating command in first position: it ignores incoming events. */
  readonly generating: boolean;
  /** Emits only from `push` and holds nothing for `finish` (filters, updates, expansions). */
  readonly streaming: boolean;
  /** Subsearch plans that read events: the run feeds them the same events (see RunServices). */
  readonly sidePlans: readonly Plan[];
  /**
   * For a first stage that reads events itself (tstats over a data model): which events it can
   * use, as the plan's route. A leading search clause gives its own route instead.
   */
  readonly route?: RouteFilter;
  start(services: RunServices): Operator;
}
