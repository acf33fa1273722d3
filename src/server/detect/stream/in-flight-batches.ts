// The committed batches the Sigma stream sent to its matcher and that were not answered yet, in
// commit order: what a failed matcher's replacement gets again, and the stream's backlog (events
// sent and not answered; past MAX_STREAM_BACKLOG new input is refused).
import type { EncodedEvents } from '../../store/encoded-events.ts';
import type { PartitionRows } from '../../store/event-store.ts';

/**
 * Events sent to the matcher and not answered past which new input is refused (HEC code 9) until
 * it catches up: bounds the memory the batches hold (~2 KB per Sysmon event, on each side) and the
 * delay a backlog adds to an alert (10,000 made the live bench's alert p99 worse under load).
 */
export const MAX_STREAM_BACKLOG = 5_000;
/** A batch this many matchers failed while matching is dropped (it may be what kills them). */
const MAX_ATTEMPTS = 2;

/** A committed batch sent, or to send, to the matcher. */
export interface SentBatch {
  readonly id: number;
  readonly batch: EncodedEvents;
  /** When it holds the matched events of a batch only: the events that batch committed. */
  readonly stands: number | undefined;
  /** Matchers that failed while matching it. */
  failures: number;
  posted: boolean;
  /**
   * The rows its commit appended (stream-position.ts), on the commit's last batch, with those of
   * later commits that sent nothing: covered once it is answered, as batches are, in order.
   */
  covers: PartitionRows[];
}

export class InFlightBatches {
  private readonly sent = new Map<number, SentBatch>();
  private newest: SentBatch | undefined;
  private idleWaiters: (() => void)[] = [];
  /** Events sent and not answered. */
  backlog = 0;

  get size(): number {
    return this.sent.size;
  }

  add(sent: SentBatch): void {
    this.sent.set(sent.id, sent);
    this.newest = sent;
    this.backlog += sent.batch.count;
  }

  /**
   * Rows of a commit with nothing (more) to send: covered after the newest batch in flight, or
   * now (returned) when none is.
   */
  cover(rows: readonly PartitionRows[]): readonly PartitionRows[] {
    if (this.newest === undefined) return rows;
    this.newest.covers.push(...rows);
    return [];
  }

  /** Takes an answered (or dropped) batch out. */
  take(id: number): SentBatch | undefined {
    const sent = this.sent.get(id);
    if (sent === undefined) return undefined;
    this.sent.delete(id);
    this.backlog -= sent.batch.count;
    // Answers come in order: the newest is taken last, and then none is left.
    if (sent === this.newest) this.newest = [...this.sent.values()].at(-1);
    return sent;
  }

  /**
   * The matcher failed: every batch is to be sent again to the next one, but the one it was
   * matching (the oldest unanswered: batches are matched in order) is dropped when it was there
   * for MAX_ATTEMPTS failures. Returns the batch dropped.
   */
  matcherFailed(): SentBatch | undefined {
    let dropped: SentBatch | undefined;
    const matching = this.sent.values().next().value as SentBatch | undefined;
    if (matching !== undefined && ++matching.failures >= MAX_ATTEMPTS) {
      dropped = this.take(matching.id);
    }
    for (const sent of this.sent.values()) sent.posted = false;
    return dropped;
  }

  values(): IterableIterator<SentBatch> {
    return this.sent.values();
  }

  /** Forgets them all (streaming stopped). */
  clear(): void {
    this.sent.clear();
    this.newest = undefined;
    this.backlog = 0;
    this.settled();
  }

  /** Resolves the idle() waiters once none is left. */
  settled(): void {
    if (this.sent.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves once every batch sent has been answered. */
  async idle(): Promise<void> {
    while (this.sent.size > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
  }
}
