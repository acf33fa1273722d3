// A compiled search: immutable and reusable; `start` makes one run, which an external pump drives.
import type { Diagnostic, SharedEvent, SourceText } from '../../core/index.ts';
import type { FieldNeed } from '../operators/field-need.ts';
import type { MemoryBudget } from '../operators/memory-budget.ts';
import type { Stage } from '../operators/operator.ts';
import type { TimeBounds } from '../time/time-bounds.ts';
import type { RouteFilter } from './route-filter.ts';

export interface Plan {
  /** The search after macro expansion; diagnostics of runs point into it. */
  readonly source: SourceText;
  readonly stages: readonly Stage[];
  /**
   * The event fields the plan reads (its subsearches included): readers and the field-knowledge
   * layer need compute only these. `'all'` when results show events as they are.
   */
  readonly fields: FieldNeed;
  /** Whether anything reads `_raw` (bare search terms, `rex` without `field=`, results shown raw). */
  readonly needsRaw: boolean;
  /** What an event must look like for the leading search to possibly keep it (for routers). */
  readonly route: RouteFilter;
  /**
   * The `_time` window of the events this plan reads (earliest inclusive, latest exclusive),
   * resolved at the compile's `now`: the search's own time modifiers (`earliest=-24h@h`,
   * `starthoursago=168`) when its leading clause has them, else the time range it was compiled
   * with (a job's earliest_time/latest_time). A run drops pushed events outside it, so a store
   * may skip them (`timeBoundsToRead` adds the side plans' windows).
   */
  readonly timeBounds: TimeBounds;
  /** The `_indextime` window (`_index_earliest`, `_index_latest`) of the leading clause. */
  readonly indexTimeBounds: TimeBounds;
  /** True when the plan reads no events at all (`| makeresults ...`, `| inputlookup ...`). */
  readonly generating: boolean;
  /** Plans of subsearches that read events; they run beside the main one in the same pass. */
  readonly sidePlans: readonly Plan[];
  start(context: RunContext): PlanRun;
}

export interface RunContext {
  /** Receives result rows as the last command produces them; shared, so read-only. */
  readonly emit: (rows: readonly SharedEvent[]) => void;
  /** Problems that do not stop the run (a limit was reached); default: ignored. */
  readonly warn?: (diagnostic: Diagnostic) => void;
  /**
   * Bytes the search's commands may hold (`--max-memory`); default DEFAULT_MAX_MEMORY_MB. Past
   * it, `push`/`finish` throw MemoryLimitError (a DiagnosticError naming the command).
   */
  readonly maxMemoryBytes?: number;
  /** A budget to share (subsearch runs share their search's); made from maxMemoryBytes if absent. */
  readonly memory?: MemoryBudget;
}

/**
 * One run of a plan. The pump pushes batches of events (only those the route lets through, or
 * all of them) and calls `finish` once; results go to `RunContext.emit` as they are produced.
 * Events pushed are shared with other runs (the type says so): the run copies a row before
 * changing it.
 */
export interface PlanRun {
  push(events: readonly SharedEvent[]): void;
  finish(): void;
  /**
   * True once more events cannot change the results (`head 10` has its ten rows and nothing
   * before it holds rows): the pump may stop reading and call `finish`.
   */
  readonly done: boolean;
}
