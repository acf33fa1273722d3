// How far the Sigma stream has matched: per partition of the streamed indexes, the rows (commit
// order, event-store.ts PartitionRows) whose batches the matcher answered, in order, and whose
// findings went to the writer. The position rides as checkpoints (one per partition that moved)
// in the writes of those findings, so it commits in the same transaction as the risk events it
// covers: after a crash the store says exactly which committed events have findings written, and
// the stream matches the rest (stream-catch-up.ts). Neither lost nor written twice.
import {
  type Checkpoint,
  type PartitionRows,
  partitionCheckpointKey,
} from '../../store/event-store.ts';
import { notOutput } from './correlation-replay.ts';

/** Set once the stream first ran: partitions without a checkpoint are newer and start at row 0. */
export const STREAM_STARTED_KEY = 'detect:sigma-stream';
/** Prefix of the per-partition checkpoints (`detect:sigma-stream@<table>`). */
export const STREAM_POSITION_PREFIX = `${STREAM_STARTED_KEY}@`;

export class StreamPosition {
  /** Rows covered per partition table. */
  private readonly covered = new Map<string, number>();
  /** Tables whose position moved since it was last handed to the writer. */
  private readonly moved = new Set<string>();
  /** Where a planned catch-up ends per table: commits up to there are its to match, not live. */
  private readonly planned = new Map<string, number>();
  /** Whether `covered` holds the position (read from the store, or kept since). */
  known = false;

  /** Rows covered in `table`: every row before this one is matched. */
  of(table: string): number {
    return this.covered.get(table) ?? 0;
  }

  /** Everything in these rows is matched and handed over (in commit order). */
  cover(rows: readonly PartitionRows[]): void {
    for (const r of rows) {
      if (!notOutput(r.index) || r.to <= this.of(r.table)) continue;
      this.covered.set(r.table, r.to);
      this.moved.add(r.table);
    }
  }

  /** A catch-up will match these rows. */
  plan(ranges: readonly PartitionRows[]): void {
    for (const r of ranges)
      if (r.to > (this.planned.get(r.table) ?? 0)) this.planned.set(r.table, r.to);
  }

  /**
   * Forgets the tables a commit starts again at row 0 though rows of them were covered: retention
   * dropped the partition and late events made it again (its checkpoint went with it).
   */
  renew(rows: readonly PartitionRows[]): void {
    for (const r of rows) {
      if (r.from !== 0 || this.of(r.table) === 0) continue;
      this.covered.delete(r.table);
      this.planned.delete(r.table);
    }
  }

  /** Whether a commit's rows are all covered or planned already (a catch-up reads them). */
  covers(rows: readonly PartitionRows[]): boolean {
    return (
      rows.length > 0 &&
      rows.every(
        (r) =>
          !notOutput(r.index) || r.to <= Math.max(this.of(r.table), this.planned.get(r.table) ?? 0),
      )
    );
  }

  get hasMoved(): boolean {
    return this.moved.size > 0;
  }

  /** The checkpoints of the partitions that moved since the last call. */
  take(): Checkpoint[] {
    const checkpoints: Checkpoint[] = [];
    for (const table of this.moved) {
      checkpoints.push({
        key: partitionCheckpointKey(STREAM_STARTED_KEY, table),
        position: this.of(table),
        complete: false,
        detail: 'sigma stream: rows matched',
      });
    }
    this.moved.clear();
    return checkpoints;
  }

  /** A write that carried these failed: they go with the next one. */
  untake(checkpoints: readonly Checkpoint[]): void {
    for (const c of checkpoints) this.moved.add(c.key.slice(STREAM_POSITION_PREFIX.length));
  }

  /** The position as the store has it (at start). */
  load(checkpoints: readonly Checkpoint[]): void {
    for (const c of checkpoints) {
      if (!c.key.startsWith(STREAM_POSITION_PREFIX)) continue;
      const table = c.key.slice(STREAM_POSITION_PREFIX.length);
      if (c.position > this.of(table)) this.covered.set(table, c.position);
    }
    this.known = true;
  }
}
