// A finding: one result row of an SPL detection, or one Sigma match or correlation, with its risk.
import type { Event } from '../../core/index.ts';
import type { HuntRule } from './hunt-rule.ts';

export interface Finding {
  readonly rule: HuntRule;
  /** The fields the search returned, or the matched event (Sigma correlations: group and value). */
  readonly fields: Event;
  /** Sigma correlations: the latest contributing events. */
  readonly events?: readonly Event[];
  /** Epoch seconds: when it happened, for the risk window (docs/risk.md). */
  readonly time: number;
  /** The sum of the scores of the risk events it raised. */
  readonly riskScore: number;
  /** How many risk events it raised. */
  readonly riskEvents: number;
}
