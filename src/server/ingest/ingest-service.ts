// The ingest role: accepts events from HEC, `spelunk ingest` and monitor inputs and hands them to
// the store in group commits (many requests, one transaction, one fsync). The queue is bounded:
// when the store falls behind, an HEC request waits a bounded time for room (`admit`) and then
// gets ServerBusyError - code 9 - instead of the server buffering without bound. Ack ids need no
// per-channel state: one counter per run, prefixed by a run generation kept in the store, so an
// id is never reused across restarts and "committed" is exactly "its ack row is in the store".
import type { Event } from '../../core/index.ts';
import type { EncodedEvents } from '../store/encoded-events.ts';
import type { AckRecord, Checkpoint, EventStore, IndexWrite } from '../store/event-store.ts';

export interface IngestLimits {
  /** Events waiting for the store past which submissions are refused. */
  readonly maxQueuedEvents: number;
  /** Approximate bytes (of the requests) waiting, past which submissions are refused. */
  readonly maxQueuedBytes: number;
  /** Events per commit at most (a commit takes whole submissions, so one may exceed it). */
  readonly maxCommitEvents: number;
  /**
   * Milliseconds a request may wait for room in a full queue (`admit`) before it is refused
   * (default 2,000; 0 refuses at once).
   */
  readonly maxWaitMs?: number;
}

/**
 * HEC's events wait encoded (store/encoded-events.ts: their text as UTF-8 in one buffer, ~3.5 KB
 * per Sysmon event), so the queue's bytes are the memory it holds, not a guess at JavaScript
 * objects and their garbage. 8 MB (~2,300 Sysmon events) keeps the peak RSS under sustained
 * ingest within 512 MB: in twelve alternated runs of bench server-hec (docs/server.md) 8 MB peaked
 * at 463-478 MB and 16 MB at 446-514 MB, at the same events/s within the noise (11.5k/s mean
 * both; an earlier, idle measurement found 8 MB ~10% slower). Commits of at most 5,000 events:
 * each is copied twice on its way into DuckDB (encoded-events → the holder chunk → the
 * appender); at 10,000 and 32 MB the server's peak RSS was 511-526 MB.
 */
export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxQueuedEvents: 20_000,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxCommitEvents: 5_000,
  maxWaitMs: 2_000,
};

/**
 * Requests waiting for room at most: each is a connection whose body is left unread (the kernel's
 * socket buffers and the stream's high-water mark bound what it holds); past this they are refused.
 */
const MAX_WAITING = 64;

export class ServerBusyError extends Error {
  constructor() {
    super('the index is behind: too many events wait to be written');
    this.name = 'ServerBusyError';
  }
}

export interface Submission {
  readonly events: readonly Event[];
  /** Events already encoded for the store (HEC's parse workers). */
  readonly encoded?: readonly EncodedEvents[];
  readonly checkpoints?: readonly Checkpoint[];
  /** Bytes the events hold while queued (their encoded size, or their request's), for the bound. */
  readonly bytes: number;
  /**
   * Its request held room in the queue until now (`hold`/`admit`): it is queued even if its
   * encoded size does not fit, rather than refused after its body was parsed (the bound is passed
   * by at most the difference between the encoded events and the bodies held).
   */
  readonly held?: boolean;
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
/** Acks of this run remembered in memory at most (the oldest answered ones are forgotten first). */
const MAX_REMEMBERED_ACKS = 100_000;

/** A request waiting for room in the queue (`admit`). */
interface Waiter {
  readonly bytes: number;
  readonly admitted: (release: () => void) => void;
  readonly refused: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** An ack of this run: its channel, and whether its write committed (undefined: not yet). */
interface AckState {
  readonly channel: string;
  committed: boolean | undefined;
}

export class IngestService {
  private readonly store: EventStore;
  private readonly limits: IngestLimits;
  private readonly queue: Queued[] = [];
  private queuedEvents = 0;
  private queuedBytes = 0;
  /** Bytes of requests being parsed (`hold`), counted against the queue's bound. */
  private heldBytes = 0;
  private writing: Promise<void> | undefined;
  /** Own writes at the head of the queue (they keep their order among themselves). */
  private ownQueued = 0;
  private nextAck: number;
  private closing = false;
  /**
   * This run's acks, by id, until they are reported committed: a poll is answered from here
   * without waiting for the write in progress (the store answers for ids not here: those of
   * earlier runs, reported ones, forgotten ones). Senders poll while they send, and a poll that
   * waited behind each commit held them back (bench server-hec).
   */
  private readonly acks = new Map<number, AckState>();
  /** Consumers of committed events that are behind (live detection): new input waits. */
  private readonly pressure: (() => boolean)[] = [];
  /** Requests waiting for room, oldest first (`admit`). */
  private readonly waiting: Waiter[] = [];
  /** The scheduled re-check of the waiting requests (room freed, or a poll for `pressure`). */
  private wakeTimer: { readonly poll: number; readonly cancel: () => void } | undefined;

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
      (this.queuedEvents > 0 || this.heldBytes > 0) &&
      (this.queuedEvents + events > this.limits.maxQueuedEvents ||
        this.queuedBytes + this.heldBytes + bytes > this.limits.maxQueuedBytes)
    );
  }

  /**
   * Holds `bytes` of a request against the queue's bound while it is parsed, so that requests
   * being parsed at once cannot together pass it; throws ServerBusyError when it is full. Call
   * the returned function once the events are submitted or refused.
   */
  hold(bytes: number): () => void {
    if (this.closing || this.full(1, bytes)) throw new ServerBusyError();
    return this.take(bytes);
  }

  /**
   * `hold`, but when the queue is full the request waits (in arrival order, behind those already
   * waiting) up to `maxWaitMs` for room, and only then is refused with ServerBusyError. HEC
   * leaves the body unread meanwhile: the sender is held by TCP instead of a 503 and a retry, and
   * the parse worker gets the next body as soon as there is room for it (before, 383 of 400 bench
   * bodies were refused at least once and the worker idled while their senders slept).
   */
  admit(bytes: number): Promise<() => void> {
    if (this.closing) return Promise.reject(new ServerBusyError());
    if (this.waiting.length === 0 && !this.full(1, bytes)) {
      return Promise.resolve(this.take(bytes));
    }
    const waitMs = this.limits.maxWaitMs ?? 0;
    if (waitMs <= 0 || this.waiting.length >= MAX_WAITING) {
      return Promise.reject(new ServerBusyError());
    }
    return new Promise((admitted, refused) => {
      const waiter: Waiter = { bytes, admitted, refused, timer: undefined };
      waiter.timer = setTimeout(() => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        refused(new ServerBusyError());
        // The head may have been the one that did not fit.
        this.wake();
      }, waitMs);
      this.waiting.push(waiter);
      if (this.pressure.length > 0) this.wake(20);
    });
  }

  private take(bytes: number): () => void {
    this.heldBytes += bytes;
    let held = true;
    return () => {
      if (held) {
        this.heldBytes -= bytes;
        this.wake();
      }
      held = false;
    };
  }

  /**
   * Admits the waiting requests that fit now, oldest first, on a later turn (so a caller that
   * releases and holds in one turn keeps its room); with `pressure` consumers (whose state
   * changes without telling) it looks again every `pollMs` while anyone waits.
   */
  private wake(pollMs = 0): void {
    if (this.waiting.length === 0) return;
    if (this.wakeTimer !== undefined) {
      if (this.wakeTimer.poll <= pollMs) return;
      this.wakeTimer.cancel();
    }
    const run = () => {
      this.wakeTimer = undefined;
      this.admitWaiting();
    };
    if (pollMs === 0) {
      const immediate = setImmediate(run);
      this.wakeTimer = { poll: 0, cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(run, pollMs);
      this.wakeTimer = { poll: pollMs, cancel: () => clearTimeout(timer) };
    }
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0) {
      const head = this.waiting[0] as Waiter;
      if (!this.closing && this.full(1, head.bytes)) break;
      this.waiting.shift();
      clearTimeout(head.timer);
      if (this.closing) head.refused(new ServerBusyError());
      else head.admitted(this.take(head.bytes));
    }
    if (this.waiting.length > 0 && this.pressure.length > 0) this.wake(20);
  }

  /** Resolves once the events are committed; throws ServerBusyError now when the queue is full. */
  submit(submission: Submission): Promise<void> {
    return this.enqueue(writeOf(submission), submission.bytes, submission.held === true);
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
      { ...writeOf(submission), acks: [ack] },
      submission.bytes,
      submission.held === true,
    );
    this.nextAck++;
    const state: AckState = { channel, committed: undefined };
    this.remember(ack.ackId, state);
    // The sender learns the outcome by polling the ack; a failed write leaves it false.
    committed.then(
      () => {
        state.committed = true;
      },
      () => {
        state.committed = false;
      },
    );
    return { ackId: ack.ackId, committed };
  }

  /** Which of `ackIds` on `channel` are committed; one reported committed is forgotten here. */
  async committedAcks(channel: string, ackIds: readonly number[]): Promise<ReadonlySet<number>> {
    const answer = new Set<number>();
    const ask: number[] = [];
    for (const id of ackIds) {
      const state = this.acks.get(id);
      if (state === undefined) ask.push(id);
      else if (state.channel === channel && state.committed === true) {
        answer.add(id);
        this.acks.delete(id);
      }
    }
    if (ask.length > 0) {
      for (const id of await this.store.committedAcks(channel, ask)) answer.add(id);
    }
    return answer;
  }

  private remember(id: number, state: AckState): void {
    this.acks.set(id, state);
    if (this.acks.size <= MAX_REMEMBERED_ACKS) return;
    // The oldest settled one goes (the store still answers for it); unsettled ones stay.
    for (const [old, s] of this.acks) {
      if (s.committed !== undefined) {
        this.acks.delete(old);
        return;
      }
    }
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
        write: writeOf(submission),
        own: true,
        alone: submission.alone === true,
        bytes: submission.bytes,
        resolve,
        reject,
      });
    });
    this.ownQueued++;
    this.queuedEvents += eventCount(writeOf(submission));
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
    this.wake();
    while (this.writing !== undefined) await this.writing;
  }

  private enqueue(write: IndexWrite, bytes: number, held: boolean): Promise<void> {
    if (this.closing) return Promise.reject(new ServerBusyError());
    const events = eventCount(write);
    if (!held && this.full(events, bytes)) throw new ServerBusyError();
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ write, own: false, alone: false, bytes, resolve, reject });
    });
    this.queuedEvents += events;
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
          events += eventCount(next.write);
        }
        try {
          await this.store.write(mergeWrites(taken.map((q) => q.write)));
          for (const q of taken) q.resolve();
        } catch (error) {
          for (const q of taken) q.reject(error);
        } finally {
          for (const q of taken) {
            this.queuedEvents -= eventCount(q.write);
            this.queuedBytes -= q.bytes;
          }
          this.wake();
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}

function writeOf(submission: Submission): IndexWrite {
  return {
    events: submission.events,
    ...(submission.encoded === undefined ? {} : { encoded: submission.encoded }),
    checkpoints: submission.checkpoints ?? [],
  };
}

function eventCount(write: IndexWrite): number {
  let n = write.events.length;
  for (const batch of write.encoded ?? []) n += batch.count;
  return n;
}

function mergeWrites(writes: readonly IndexWrite[]): IndexWrite {
  if (writes.length === 1) return writes[0] as IndexWrite;
  return {
    events: writes.flatMap((w) => w.events),
    encoded: writes.flatMap((w) => w.encoded ?? []),
    acks: writes.flatMap((w) => w.acks ?? []),
    checkpoints: writes.flatMap((w) => w.checkpoints ?? []),
  };
}
