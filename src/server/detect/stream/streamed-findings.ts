// A matched batch's findings as findings of the streaming saved searches (`Sigma - <title>`),
// handed to the detect writer as one output (rules without an enabled saved search are dropped)
// together with the stream's position after that batch (stream-position.ts), so the two commit
// in one transaction. Batches without findings move the position too: it goes to the writer
// alone, one such output waiting at a time (it waits like streamed findings to share a write).
import { sigmaSearchName } from '../../../engine/index.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import type { LiveFinding } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';
import type { MatchedFinding } from './sigma-match-protocol.ts';
import type { StreamPosition } from './stream-position.ts';

export class StreamedFindings {
  private readonly runtime: DetectRuntime;
  private readonly position: StreamPosition;
  /** An output carrying only the position waits in the writer. */
  private positionWaits = false;
  private sequence = 0;
  /** Findings handed to the writer. */
  count = 0;

  constructor(runtime: DetectRuntime, position: StreamPosition) {
    this.runtime = runtime;
    this.position = position;
  }

  /** Hands the findings of the searches and the position to the writer. */
  hand(searches: ReadonlyMap<string, SavedSearch>, found: readonly MatchedFinding[]): void {
    const findings: LiveFinding[] = [];
    for (const f of found) {
      const search = searches.get(sigmaSearchName(f.rule.name));
      if (search !== undefined) findings.push({ search, ...f });
    }
    const alone = findings.length === 0;
    if (alone && (this.positionWaits || !this.position.hasMoved)) return;
    const matchedUpTo = this.position.take();
    if (alone) this.positionWaits = true;
    this.count += findings.length;
    this.runtime.writer
      .commit({
        runId: `rt_${Math.floor(this.runtime.clock.now())}_${this.sequence++}`,
        findings,
        ...(matchedUpTo.length > 0 ? { matchedUpTo } : {}),
      })
      .catch((error: unknown) => {
        this.position.untake(matchedUpTo);
        this.runtime.log(`sigma stream: writing findings failed: ${String(error)}`);
      })
      .finally(() => {
        if (!alone) return;
        this.positionWaits = false;
        if (this.position.hasMoved) this.hand(searches, []);
      });
  }
}
