// How long an output may wait in the detect writer's queue for the outputs that come after it,
// so that they share one write. Every write costs the store a commit share per output index it
// touches (DuckDB sets up storage for every column of a table on each append and again at
// COMMIT: ~2-3 ms of CPU for a 2-row append to a 58-column `index=risk` partition, measured),
// whatever its rows; streamed Sigma findings came one write per matched batch, ~10-30 a second
// under sustained ingest; alert delivery records (`RunOutput.records`) wait as they do. A scheduled
// or manual run's output waits for nothing: it holds a run slot and its checkpoint until written.
import type { RunOutput } from './live-finding.ts';

export interface WriteDelays {
  /** Streamed outputs with no alerting finding (risk events only), ms. */
  readonly streamedMs: number;
  /** Streamed outputs with a finding of an alerting search (its alert waits as long), ms. */
  readonly alertMs: number;
}

export const DEFAULT_WRITE_DELAYS: WriteDelays = { streamedMs: 1000, alertMs: 200 };

export function writeDelayOf(output: RunOutput, delays: WriteDelays): number {
  if (output.run !== undefined || (output.checkpoints?.length ?? 0) > 0) return 0;
  return output.findings.some((f) => f.search.alert) ? delays.alertMs : delays.streamedMs;
}

/** An output in the writer's queue with the time (performance.now()) by which it is written. */
export interface Delayed {
  readonly output: RunOutput;
  readonly due: number;
}

/** The writer's wait for its queue to be due; `wake` makes it look again (new output, idle()). */
export class WriteTimer {
  private wakeUp: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Until a queued output is due, the queue holds `maxFindings`, or `hurry()` says go now. */
  async untilDue(
    queue: readonly Delayed[],
    maxFindings: number,
    hurry: () => boolean,
  ): Promise<void> {
    for (;;) {
      if (hurry()) return;
      let due = Number.POSITIVE_INFINITY;
      let findings = 0;
      for (const q of queue) {
        due = Math.min(due, q.due);
        findings += q.output.findings.length;
      }
      const wait = due - performance.now();
      if (wait <= 0 || findings >= maxFindings) return;
      await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      this.timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(this.timer);
      this.wakeUp = undefined;
    });
  }

  wake(): void {
    this.wakeUp?.();
  }
}
