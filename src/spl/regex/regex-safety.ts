// Which engine may run a translated SPL regex on attacker-controlled text, from the sound bound
// on V8's backtracking time (core/regex/backtracking-cost.ts).
import { backtrackingCost } from '../../core/index.ts';

/**
 * - `linear`: V8's search is proven linear in the text.
 * - `scan`: proven linear from each start position only: quadratic over a whole search.
 * - `superlinear`: not proven (possibly polynomial or exponential backtracking).
 */
export type RegexRisk = 'linear' | 'scan' | 'superlinear';

export interface RegexAssessment {
  readonly risk: RegexRisk;
  /** For `scan`: the longest text V8 may search (its quadratic cost stays within budget). */
  readonly backtrackingLength: number;
  /** For `superlinear`: why. */
  readonly reason: string;
  /** Uses look-around or back-references, which the linear-time engine lacks. */
  readonly needsBacktracking: boolean;
}

/**
 * Steps V8 may spend on one `scan`-risk search before the text goes to the linear engine: a few
 * tens of milliseconds at worst. The longest text is sqrt(2 · budget / (routes · positions)),
 * at most 4,096 characters.
 */
const QUADRATIC_STEP_BUDGET = 20_000_000;
const MAX_BACKTRACKING_LENGTH = 4096;

export function assessRegex(source: string, flags: string): RegexAssessment {
  const { cost, needsBacktracking } = backtrackingCost(source, flags);
  switch (cost.kind) {
    case 'linear':
      return { risk: 'linear', backtrackingLength: Infinity, reason: '', needsBacktracking };
    case 'quadratic': {
      const length = Math.sqrt((2 * QUADRATIC_STEP_BUDGET) / (cost.routes * cost.positions));
      return {
        risk: 'scan',
        backtrackingLength: Math.min(MAX_BACKTRACKING_LENGTH, Math.floor(length)),
        reason: 'it can take quadratic time: each position of the text can start a long attempt',
        needsBacktracking,
      };
    }
    case 'unproven':
      return { risk: 'superlinear', backtrackingLength: 0, reason: cost.reason, needsBacktracking };
  }
}
