// A matched batch's findings as findings of the streaming saved searches (`Sigma - <title>`),
// handed to the detect writer as one output (rules without an enabled saved search are dropped).
import { sigmaSearchName } from '../../../engine/index.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import type { LiveFinding } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';
import type { MatchedFinding } from './sigma-match-protocol.ts';

/** Hands the findings to the writer under `runId`; returns how many were handed over. */
export function writeStreamedFindings(
  runtime: DetectRuntime,
  searches: ReadonlyMap<string, SavedSearch>,
  found: readonly MatchedFinding[],
  runId: () => string,
): number {
  const findings: LiveFinding[] = [];
  for (const f of found) {
    const search = searches.get(sigmaSearchName(f.rule.name));
    if (search !== undefined) findings.push({ search, ...f });
  }
  if (findings.length === 0) return 0;
  runtime.writer
    .commit({ runId: runId(), findings })
    .catch((error: unknown) =>
      runtime.log(`sigma stream: writing findings failed: ${String(error)}`),
    );
  return findings.length;
}
