// The index role's contract: what the ingest and search roles (and later the detect role) ask of
// the store. Everything the server must remember lives behind it (events, HEC acks, ingest
// checkpoints, users, secrets), so the roles keep no state of their own and can later run as
// separate processes. One implementation: store/duckdb-store.ts.
import type { Event, EventSource } from '../../core/index.ts';
import type { AggregateQuery, AggregateRow } from './aggregate-query.ts';
import type { EncodedEvents } from './encoded-events.ts';
import type { StoreQuery } from './store-query.ts';

/** An HEC acknowledgement id that turns true when the write carrying it commits. */
export interface AckRecord {
  readonly channel: string;
  readonly ackId: number;
}

/**
 * How far an input has been read, committed with the events read up to it so a restart neither
 * loses nor repeats them: `spelunk ingest` keys it by file content, monitor inputs by path.
 */
export interface Checkpoint {
  readonly key: string;
  /** Events (file ingest, EVTX) or bytes (monitored text) read and committed so far. */
  readonly position: number;
  /** The whole input was read. */
  readonly complete: boolean;
  /** What the input was: a path, a size, a format; shown to users, never interpreted. */
  readonly detail: string;
}

/**
 * Rows of one time partition (a table of one index), by row number: [from, to). A partition only
 * grows by appends, so row numbers are commit order; what a write appended is one such range per
 * partition it touched. Consumers that follow the index keep how far they got as these.
 */
export interface PartitionRows {
  readonly table: string;
  readonly index: string;
  /** The partition's start time (epoch seconds). */
  readonly start: number;
  readonly from: number;
  readonly to: number;
}

/** The key of a consumer's checkpoint in one partition: retention drops it with the partition. */
export function partitionCheckpointKey(consumer: string, table: string): string {
  return `${consumer}@${table}`;
}

/**
 * One atomic write: events (each carrying its `index`), as objects or already encoded (HEC's
 * parse workers encode them off the main thread), and the acks and checkpoints they complete.
 */
export interface IndexWrite {
  readonly events: readonly Event[];
  readonly encoded?: readonly EncodedEvents[];
  readonly acks?: readonly AckRecord[];
  readonly checkpoints?: readonly Checkpoint[];
}

export interface IndexSummary {
  readonly name: string;
  readonly events: number;
  /** Bytes of `_raw` stored. */
  readonly rawBytes: number;
  /** Estimated bytes on disk (the database's used bytes shared out by raw bytes). */
  readonly diskBytes: number;
  readonly partitions: number;
  readonly minTime: number | undefined;
  readonly maxTime: number | undefined;
}

export interface RetentionPolicy {
  readonly index: string;
  /** Partitions whose newest possible event is older than this many seconds are dropped. */
  readonly maxAgeSeconds: number;
  /** The oldest partitions are dropped while the index's estimated disk bytes exceed this. */
  readonly maxBytes: number;
}

export interface DroppedPartition {
  readonly index: string;
  readonly start: number;
  readonly events: number;
  readonly reason: 'age' | 'size';
}

/**
 * What a committed write held, for consumers that follow the index as it grows (live detection,
 * the UI's ingest rate). `events()` makes the events as objects on first call (encoded ones are
 * decoded then, and only for a listener that asks), the same array for every listener.
 */
export interface CommittedEvents {
  readonly count: number;
  /** The rows the write appended, per partition (empty when not known: tests' commits). */
  readonly rows: readonly PartitionRows[];
  events(): readonly Event[];
  /**
   * The same events as encoded batches, to copy to another thread (the detect worker) without
   * making objects here: what was written encoded as it is, events written as objects encoded
   * when asked (only those whose index `keep` admits).
   */
  encoded(keep: (index: string) => boolean): readonly EncodedEvents[];
  /**
   * The events of the indexes `keep` admits: those written as objects as they were written, the
   * encoded ones decoded only from batches that hold such an index (the detect writer follows
   * `risk` and `notable` in commits its own risk events ride in with HEC's input).
   */
  eventsOf(keep: (index: string) => boolean): readonly Event[];
  /** Whether any event is of this index (without decoding: the detect writer follows `risk`). */
  hasIndex(index: string): boolean;
}

export type CommitListener = (committed: CommittedEvents) => void;

export interface EventStore {
  /** Commits the write durably (one fsync) or throws and commits nothing. */
  write(batch: IndexWrite): Promise<void>;
  /** Events matching the query, newest first, in batches; iterate once. */
  query(query: StoreQuery): EventSource;
  /** A grouped count/distinct-count over stored columns, computed inside the store. */
  aggregate(query: AggregateQuery): Promise<readonly AggregateRow[]>;
  /** Per index: events, bytes and time range. */
  summary(): Promise<readonly IndexSummary[]>;
  /** Which of `ackIds` on `channel` were committed. */
  committedAcks(channel: string, ackIds: readonly number[]): Promise<ReadonlySet<number>>;
  checkpoint(key: string): Promise<Checkpoint | undefined>;
  /** Every checkpoint whose key starts with `prefix`. */
  checkpoints(prefix: string): Promise<readonly Checkpoint[]>;
  /** Every partition's rows as committed so far ([0, events)), oldest partition first. */
  partitionRows(): readonly PartitionRows[];
  /**
   * The events of rows [from, to) of a partition in commit order (row number), with `_raw` when
   * `raw`, those before `earliest` (event time) left out; in batches, iterate once.
   */
  readRows(rows: PartitionRows, options: { raw: boolean; earliest?: number }): EventSource;
  /** Drops whole time partitions that fall outside the policies; acks older than `ackTtlSeconds` too. */
  enforceRetention(
    policies: readonly RetentionPolicy[],
    now: number,
    ackTtlSeconds: number,
  ): Promise<readonly DroppedPartition[]>;
  /** A small named value kept with the index (the session secret, the generated admin password hash). */
  setting(key: string): Promise<string | undefined>;
  /** Sets it unless it is set; returns the value that is set now. */
  initSetting(key: string, value: string): Promise<string>;
  putSetting(key: string, value: string): Promise<void>;
  /** Called after each commit with what it held. */
  onCommit(listener: CommitListener): () => void;
  close(): Promise<void>;
}
