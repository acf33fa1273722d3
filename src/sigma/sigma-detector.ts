// The one-call stage for `hunt`: matcher + correlation stage, events in, findings out.
import type { Event } from '../core/index.ts';
import type { CompiledSigmaSet } from './compile/compile-rules.ts';
import {
  type CorrelationStage,
  type CorrelationStageOptions,
  createCorrelationStage,
} from './correlation/correlation-stage.ts';
import { findingOfCorrelation, findingOfMatch, type SigmaFinding } from './findings.ts';
import { createSigmaMatcher, type SigmaMatcher } from './matcher/sigma-matcher.ts';

export interface SigmaDetector {
  readonly matcher: SigmaMatcher;
  readonly correlations: CorrelationStage;
  /** Findings of one event: rule matches to report, then correlations it completed. */
  detect(event: Event): readonly SigmaFinding[];
  /** End of input: correlations judged on their open windows. */
  finish(): readonly SigmaFinding[];
}

const NONE: readonly SigmaFinding[] = Object.freeze([]);

export function createSigmaDetector(
  compiled: CompiledSigmaSet,
  options: CorrelationStageOptions = {},
): SigmaDetector {
  const matcher = createSigmaMatcher(compiled);
  const correlations = createCorrelationStage(compiled, options);
  return {
    matcher,
    correlations,
    detect(event) {
      const matches = matcher.match(event);
      if (matches.length === 0) return NONE;
      const findings: SigmaFinding[] = [];
      for (const match of matches) if (match.report) findings.push(findingOfMatch(match, event));
      for (const hit of correlations.push(event, matches)) {
        if (hit.report) findings.push(findingOfCorrelation(hit));
      }
      return findings;
    },
    finish() {
      return correlations
        .flush()
        .filter((hit) => hit.report)
        .map(findingOfCorrelation);
    },
  };
}
