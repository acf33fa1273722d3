// The ingest role: accepts events from HEC, `spelunk ingest` and monitor inputs and hands them to
// the store in group commits (many requests, one transaction, one fsync). The queue is bounded:
// when the store falls behind, submit throws ServerBusyError and HEC answers code 9 instead of
// buffering without bound. Ack ids need no per-channel state: one counter per run, prefixed by a
// run generation kept in the store, so an id is never reused across restarts and "committed" is
// exactly "its ack row is in the store".
import type { Event } from '../../core/index.ts';
import type { AckRecord, Checkpoint, EventStore, IndexWrite } from '../store/event-store.ts';

export interface IngestLimits {
  /** Events waiting for the store past which submissions are refused. */
  readonly maxQueuedEvents: number;
  /** Approximate bytes (of the requests) waiting, past which submissions are refused. */
  readonly maxQueuedBytes: number;
  /** Events per commit at most (a commit takes whole submissions, so one may exceed it). */
  readonly maxCommitEvents: number;
}

/**
 * A queued event holds about three times its request bytes in the heap (its text and its fields),
 * and V8 keeps several times that in garbage before a full collection: these bounds, with DuckDB's
 * 128 MB (storage.memoryLimit), aim at the server's 512 MB target under sustained ingest. Measured
 * with `npm run bench -- server` on a loaded machine: 16 MB of queued requests and 128 MB for
 * DuckDB peaked at 600-650 MB, 8 MB and 128 MB at 509-565 MB. DuckDB at 64 MB peaked at 508 MB
 * but failed searches over wide partitions after `spelunk start`'s first ingest ("failed to pin
 * block"), so the default stays at 128 MB.
 */
export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxQueuedEvents: 10_000,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxCommitEvents: 10_000,
};

export class ServerBusyError extends Error {
  constructor() {
    super('the index is behind: too many events wait to be written');
    this.name = 'ServerBusyError';
  }
}

export interface Submission {
  readonly events: readonly Event[];
  readonly checkpoints?: readonly Checkpoint[];
  /** Size of the request the events came from, for the queue bound. */
  readonly bytes: number;
  /**
   * Own writes only: commit without input joining (someone waits for this commit, e.g. an alert
   * for its notable); other own writes ride in the next input commit.
   */
  readonly alone?: boolean;
}

interface Queued {
  readonly write: IndexWrite;
  /** The server's own output (submitOwn). */
  readonly own: boolean;
  /** An own write that commits without input (Submission.alone). */
  readonly alone: boolean;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Ack ids of one run start at generation × this. */
const ACK_GENERATION_SPAN = 1_000_000_000;

export class IngestService {
  private readonly store: EventStore;
  private readonly limits: IngestLimits;
  private readonly queue: Queued[] = [];
  private queuedEvents = 0;
  private queuedBytes = 0;
  private writing: Promise<void> | undefined;
  /** Own writes at the head of the queue (they keep their order among themselves). */
  private ownQueued = 0;
  private nextAck: number;
  private closing = false;
  /** Consumers of committed events that are behind (live detection): new input waits. */
  private readonly pressure: (() => boolean)[] = [];

  private constructor(store: EventStore, limits: IngestLimits, generation: number) {
    this.store = store;
    this.limits = limits;
    this.nextAck = generation * ACK_GENERATION_SPAN;
  }

  static async start(store: EventStore, limits = DEFAULT_INGEST_LIMITS): Promise<IngestService> {
    const generation = Number((await store.setting('ingest.generation')) ?? '0') + 1;
    await store.putSetting('ingest.generation', String(generation));
    return new IngestService(store, limits, generation);
  }

  /** Whether a submission of this size would be refused now (HEC health). */
  full(events = 1, bytes = 0): boolean {
    if (this.pressure.some((behind) => behind())) return true;
    return (
      this.queuedEvents > 0 &&
      (this.queuedEvents + events > this.limits.maxQueuedEvents ||
        this.queuedBytes + bytes > this.limits.maxQueuedBytes)
    );
  }

  /** Resolves once the events are committed; throws ServerBusyError now when the queue is full. */
  submit(submission: Submission): Promise<void> {
    return this.enqueue(
      { events: submission.events, checkpoints: submission.checkpoints ?? [] },
      submission.bytes,
    );
  }

  /**
   * Queues the events with a new ack id on `channel` and returns the id at once; the id reads as
   * committed (`committedAcks`) once the write holding it commits.
   */
  submitWithAck(
    submission: Submission,
    channel: string,
  ): { ackId: number; committed: Promise<void> } {
    const ack: AckRecord = { channel, ackId: this.nextAck };
    const committed = this.enqueue(
      { events: submission.events, checkpoints: submission.checkpoints ?? [], acks: [ack] },
      submission.bytes,
    );
    this.nextAck++;
    // The sender learns the outcome by polling the ack; a failed write leaves it false.
    committed.catch(() => {});
    return { ackId: ack.ackId, committed };
  }

  committedAcks(channel: string, ackIds: readonly number[]): Promise<ReadonlySet<number>> {
    return this.store.committedAcks(channel, ackIds);
  }

  checkpoint(key: string): Promise<Checkpoint | undefined> {
    return this.store.checkpoint(key);
  }

  /**
   * The server's own output (live detection's risk events, notables, run records): written ahead
   * of queued input, in the order submitted, and never refused for a full queue - it is small,
   * bounded by its writer, and must not wait behind the senders it is detecting on. Own writes
   * queued together commit together; with one that is `alone` they commit without input, so an
   * alert waits for the input commit in progress and a small commit, not for a whole input commit
   * it was merged into.
   */
  submitOwn(submission: Submission): Promise<void> {
    if (this.closing) return Promise.reject(new ServerBusyError());
    const done = new Promise<void>((resolve, reject) => {
      this.queue.splice(this.ownQueued, 0, {
        write: { events: submission.events, checkpoints: submission.checkpoints ?? [] },
        own: true,
        alone: submission.alone === true,
        bytes: submission.bytes,
        resolve,
        reject,
      });
    });
    this.ownQueued++;
    this.queuedEvents += submission.events.length;
    this.queuedBytes += submission.bytes;
    this.writing ??= this.pump();
    return done;
  }

  /** While `behind()` holds, new input is refused as for a full queue (HEC code 9, /health 503). */
  addPressure(behind: () => boolean): void {
    this.pressure.push(behind);
  }

  /** Refuses new submissions and waits until everything queued is written. */
  async drain(): Promise<void> {
    this.closing = true;
    while (this.writing !== undefined) await this.writing;
  }

  private enqueue(write: IndexWrite, bytes: number): Promise<void> {
    if (this.closing) return Promise.reject(new ServerBusyError());
    if (this.full(write.events.length, bytes)) throw new ServerBusyError();
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ write, own: false, alone: false, bytes, resolve, reject });
    });
    this.queuedEvents += write.events.length;
    this.queuedBytes += bytes;
    this.writing ??= this.pump();
    return done;
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const taken: Queued[] = [];
        let events = 0;
        // Own writes are at the head; an `alone` one among them keeps input out of this commit.
        let alone = false;
        while (
          this.queue.length > 0 &&
          (taken.length === 0 || events < this.limits.maxCommitEvents) &&
          !(alone && !(this.queue[0] as Queued).own)
        ) {
          const next = this.queue.shift() as Queued;
          if (next.own) this.ownQueued--;
          alone ||= next.alone;
          taken.push(next);
          events += next.write.events.length;
        }
        try {
          await this.store.write(mergeWrites(taken.map((q) => q.write)));
          for (const q of taken) q.resolve();
        } catch (error) {
          for (const q of taken) q.reject(error);
        } finally {
          for (const q of taken) {
            this.queuedEvents -= q.write.events.length;
            this.queuedBytes -= q.bytes;
          }
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}

function mergeWrites(writes: readonly IndexWrite[]): IndexWrite {
  if (writes.length === 1) return writes[0] as IndexWrite;
  return {
    events: writes.flatMap((w) => w.events),
    acks: writes.flatMap((w) => w.acks ?? []),
    checkpoints: writes.flatMap((w) => w.checkpoints ?? []),
  };
}
