// A finding: one result row of an SPL detection, or one Sigma match or correlation, with its risk.
import type { SharedEvent } from '../../core/index.ts';
import type { HuntRule } from './hunt-rule.ts';

export interface Finding {
  readonly rule: HuntRule;
  /** The fields the search returned, or the matched event (Sigma correlations: group and value). */
  readonly fields: SharedEvent;
  /** Sigma correlations: the latest contributing events. */
  readonly events?: readonly SharedEvent[];
  /**
   * Epoch seconds: when it happened, for the risk window (docs/risk.md), always from the data
   * (never the clock); undefined when neither the row nor any event its search read has a time.
   */
  readonly time: number | undefined;
  /** The sum of the scores of the risk events it raised. */
  readonly riskScore: number;
  /** How many risk events it raised. */
  readonly riskEvents: number;
  /** A row that aggregates events (no `_file` of its own): the files its search read. */
  readonly inputs?: readonly string[];
}
