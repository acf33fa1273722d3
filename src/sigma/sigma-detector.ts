// The one-call stage for `hunt`: matcher + correlation stage, events in, findings out.
import type { SharedEvent } from '../core/index.ts';
import type { CompiledSigmaSet } from './compile/compile-rules.ts';
import {
  type CorrelationStage,
  type CorrelationStageOptions,
  createCorrelationStage,
} from './correlation/correlation-stage.ts';
import { findingOfCorrelation, findingOfMatch, type SigmaFinding } from './findings.ts';
import { createSigmaMatcher, type SigmaMatch, type SigmaMatcher } from './matcher/sigma-matcher.ts';

export interface SigmaDetector {
  readonly matcher: SigmaMatcher;
  readonly correlations: CorrelationStage;
  /** Findings of one event: rule matches to report, then correlations it completed. */
  detect(event: SharedEvent): readonly SigmaFinding[];
  /**
   * The same for an event whose matches were found elsewhere (a matcher over the same rules on
   * another thread): `matches` as `matcher.match(event)` would give them, in rule order.
   */
  detectMatched(event: SharedEvent, matches: readonly SigmaMatch[]): readonly SigmaFinding[];
  /** End of input: correlations judged on their open windows. */
  finish(): readonly SigmaFinding[];
}

export interface SigmaDetectorOptions extends CorrelationStageOptions {
  /**
   * How a matched event is kept past `detect` (in its finding, in correlation windows): the
   * engine gives a copy whose strings are its own, so kept events never pin the reader's text.
   * Default: the event itself.
   */
  readonly retain?: (event: SharedEvent) => SharedEvent;
}

const NONE: readonly SigmaFinding[] = Object.freeze([]);

export function createSigmaDetector(
  compiled: CompiledSigmaSet,
  options: SigmaDetectorOptions = {},
): SigmaDetector {
  const matcher = createSigmaMatcher(compiled);
  const correlations = createCorrelationStage(compiled, options);
  const retain = options.retain ?? ((event: SharedEvent) => event);
  const detectMatched = (
    event: SharedEvent,
    matches: readonly SigmaMatch[],
  ): readonly SigmaFinding[] => {
    if (matches.length === 0) return NONE;
    const kept = retain(event);
    const findings: SigmaFinding[] = [];
    for (const match of matches) if (match.report) findings.push(findingOfMatch(match, kept));
    for (const hit of correlations.push(kept, matches)) {
      if (hit.report) findings.push(findingOfCorrelation(hit));
    }
    return findings;
  };
  return {
    matcher,
    correlations,
    detect: (event) => detectMatched(event, matcher.match(event)),
    detectMatched,
    finish() {
      return correlations
        .flush()
        .filter((hit) => hit.report)
        .map(findingOfCorrelation);
    },
  };
}
