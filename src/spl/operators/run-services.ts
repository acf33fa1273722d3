// What a run offers its operators: warnings, and runs of subsearch plans over the same events.
import type { Diagnostic, Event } from '../../core/index.ts';
import type { Plan } from '../plan/plan.ts';
import type { MemoryBudget } from './memory-budget.ts';

/** A subsearch running alongside the main search over the same events. */
export interface SideRun {
  /** Its results: ready once the run has finished its side runs, which it does before any operator's `finish`. */
  results(): readonly Event[];
}

export interface RunServices {
  /** Starts `plan` beside this run: every event pushed to the run goes to it too. */
  startSideRun(plan: Plan): SideRun;
  /** Runs a plan that reads no events (a generating subsearch) to completion, now. */
  runGenerating(plan: Plan): readonly Event[];
  /** A problem that does not stop the run (a limit reached); reported with the results. */
  warn(diagnostic: Diagnostic): void;
  /** The search's memory budget, shared by its commands and its subsearches. */
  readonly memory: MemoryBudget;
}
