// One entity's risk events in time order, read from the store's segments as a stream: each segment
// (the entity's share of one spilled buffer) is already in time order, equal times in the order
// raised, and segments are in the order raised, so a merge that takes the earliest head and, on
// equal times, the earlier segment gives exactly a stable sort of all of them by time. Reading the
// whole list back to sort it held ~70 bytes per risk event: tens of megabytes for an entity with
// the ledger's million.
import { readSync } from 'node:fs';

/** A record of the store: time and score (float64), search, message and finding (int32), padding. */
export const RECORD = 32;
/** Records read from the file at a time, per segment (64 KB). */
const CHUNK = 2048;

/** A segment: in a block in memory, or at `offset` in the file `fd`. */
export interface Segment {
  readonly block: ArrayBuffer | undefined;
  readonly fd: number | undefined;
  readonly offset: number;
  readonly count: number;
}

/** Receives a risk event's fields; texts as the store's TextTable numbers. */
export type RecordVisitor = (
  time: number,
  score: number,
  search: number,
  message: number,
  finding: number,
) => void;

class Cursor {
  private floats = new Float64Array(0);
  private ints = new Int32Array(0);
  private at = 0;
  private loaded = 0;
  private read = 0;
  private readonly segment: Segment;
  /** Reused for each chunk read from the file: a new one each time was garbage V8 freed late. */
  private bytes: ArrayBuffer | undefined;

  constructor(segment: Segment) {
    this.segment = segment;
    this.load();
  }

  get time(): number {
    return this.floats[this.at * 4] as number;
  }

  /** Gives the head record to `visit`; false when the segment is done. */
  take(visit: RecordVisitor): boolean {
    const r = this.at;
    visit(
      this.floats[r * 4] as number,
      this.floats[r * 4 + 1] as number,
      this.ints[r * 8 + 4] as number,
      this.ints[r * 8 + 5] as number,
      this.ints[r * 8 + 6] as number,
    );
    this.at++;
    if (this.at < this.loaded) return true;
    return this.load();
  }

  private load(): boolean {
    const { block, fd, offset, count } = this.segment;
    const n = block !== undefined ? count - this.read : Math.min(CHUNK, count - this.read);
    if (n === 0) return false;
    let buffer: ArrayBuffer;
    let at = offset + this.read * RECORD;
    if (block !== undefined) buffer = block;
    else {
      this.bytes ??= new ArrayBuffer(n * RECORD);
      readSync(fd as number, new Uint8Array(this.bytes), 0, n * RECORD, at);
      buffer = this.bytes;
      at = 0;
    }
    this.floats = new Float64Array(buffer, at, n * 4);
    this.ints = new Int32Array(buffer, at, n * 8);
    this.read += n;
    this.loaded = n;
    this.at = 0;
    return true;
  }
}

/** Every record of `segments` in time order, equal times in segment order, then record order. */
export function mergeSegments(segments: readonly Segment[], visit: RecordVisitor): void {
  const cursors = segments.filter((s) => s.count > 0).map((s) => new Cursor(s));
  while (cursors.length > 1) {
    let best = 0;
    let bestTime = (cursors[0] as Cursor).time;
    for (let s = 1; s < cursors.length; s++) {
      const time = (cursors[s] as Cursor).time;
      // Strictly earlier only: on equal times the earlier segment, raised first, goes first.
      if (time < bestTime) {
        best = s;
        bestTime = time;
      }
    }
    if (!(cursors[best] as Cursor).take(visit)) cursors.splice(best, 1);
  }
  const last = cursors[0];
  if (last !== undefined) while (last.take(visit));
}
