// The risk events a ledger keeps for incident windows, out of memory: the last BUFFERED of them
// in columns, the rest in a temporary file grouped by entity, each group in time order. A hunt's
// memory then stays flat however many risk events it raises; incidents stream one entity's risk
// events at a time, in time order (segment-merge.ts).
import { writeSync } from 'node:fs';
import os from 'node:os';
import { closeWhenCollected, openTemporary } from '../spill/temporary-file.ts';
import type { RiskContribution } from './risk-ledger.ts';
import { mergeSegments, RECORD, type RecordVisitor, type Segment } from './segment-merge.ts';
import type { TextTable } from './text-table.ts';
import { timeOrder } from './time-order.ts';

/** Risk events held in memory before they are written out (36 bytes each). */
const BUFFERED = 1 << 16;
/** The columns' first length (doubled as they fill, up to BUFFERED). */
const FIRST_CAPACITY = 1 << 10;

export class ContributionStore {
  private readonly texts: TextTable;
  private readonly dir: string;
  private length = 0;
  // The columns start small and double up to BUFFERED: the server's detect writer makes a ledger
  // per write for a few thousand risk events; 2.3 MB of zeroed columns each time were ~10 MB/s
  // of ArrayBuffer memory on its main thread at the bench's write rate (docs/server.md, "fifth
  // pass").
  private entities = new Int32Array(FIRST_CAPACITY);
  private times = new Float64Array(FIRST_CAPACITY);
  private scores = new Float64Array(FIRST_CAPACITY);
  private searches = new Int32Array(FIRST_CAPACITY);
  private messages = new Int32Array(FIRST_CAPACITY);
  private findings = new Int32Array(FIRST_CAPACITY);
  /**
   * Per entity: its segments in order, as triples: where (-1: the file, else an index into
   * `blocks`), byte offset, record count.
   */
  private readonly segments: number[][] = [];
  /** Groups made to be read before the buffer filled (a small ledger never writes a file). */
  private readonly blocks: ArrayBuffer[] = [];
  private fd: number | undefined;
  private size = 0;

  constructor(texts: TextTable, dir = os.tmpdir()) {
    this.texts = texts;
    this.dir = dir;
  }

  /** `entity` is a dense number the ledger gives each entity (0, 1, 2, ...). */
  add(entity: number, c: RiskContribution): void {
    this.addRisk(entity, c.time, c.score, c.searchName, c.message, c.finding);
  }

  /** The same as `add`, field by field: the ledger adds every risk event without an object for it. */
  addRisk(
    entity: number,
    time: number,
    score: number,
    searchName: string,
    message: string,
    finding: number,
  ): void {
    if (this.length === BUFFERED) this.spill(true);
    else if (this.length === this.entities.length) this.grow();
    const i = this.length++;
    this.entities[i] = entity;
    this.times[i] = time;
    this.scores[i] = score;
    this.searches[i] = this.texts.numberOf(searchName);
    this.messages[i] = this.texts.numberOf(message);
    this.findings[i] = finding;
  }

  private grow(): void {
    const length = Math.min(BUFFERED, this.entities.length * 2);
    const grown = <T extends Int32Array | Float64Array>(column: T, make: (n: number) => T): T => {
      const next = make(length);
      next.set(column);
      return next;
    };
    this.entities = grown(this.entities, (n) => new Int32Array(n));
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.scores = grown(this.scores, (n) => new Float64Array(n));
    this.searches = grown(this.searches, (n) => new Int32Array(n));
    this.messages = grown(this.messages, (n) => new Int32Array(n));
    this.findings = grown(this.findings, (n) => new Int32Array(n));
  }

  /**
   * The entity's risk events in time order, equal times in the order raised, streamed to `visit`
   * (texts as TextTable numbers); what is added after a call is seen by the next.
   */
  eachInTimeOrder(entity: number, visit: RecordVisitor): void {
    this.spill(false);
    const triples = this.segments[entity] ?? [];
    const segments: Segment[] = [];
    for (let s = 0; s < triples.length; s += 3) {
      const where = triples[s] as number;
      segments.push({
        block: where === -1 ? undefined : this.blocks[where],
        fd: this.fd,
        offset: triples[s + 1] as number,
        count: triples[s + 2] as number,
      });
    }
    mergeSegments(segments, visit);
  }

  /**
   * The buffered risk events grouped by entity, each group in time order (equal times in the
   * order raised, the order a segment merge relies on): into the file
   * when the buffer is full (or a file exists), else into a block kept in memory.
   */
  private spill(full: boolean): void {
    const n = this.length;
    if (n === 0) return;
    const toFile = full || this.fd !== undefined;
    const where = toFile ? -1 : this.blocks.length;
    const base = toFile ? this.size : 0;
    // Time order first; the counting sort by entity below is stable, so each group keeps it.
    const order = timeOrder(n, (i) => this.times[i] as number);
    // Counting sort by entity: where each entity's group starts in the written block.
    const starts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const e = this.entities[i] as number;
      starts.set(e, (starts.get(e) ?? 0) + 1);
    }
    let at = 0;
    for (const [e, count] of starts) {
      starts.set(e, at);
      const list = this.segments[e] ?? [];
      this.segments[e] = list;
      list.push(where, base + at * RECORD, count);
      at += count;
    }
    const block = new ArrayBuffer(n * RECORD);
    const floats = new Float64Array(block);
    const ints = new Int32Array(block);
    for (const i of order) {
      const e = this.entities[i] as number;
      const r = starts.get(e) as number;
      starts.set(e, r + 1);
      floats[r * 4] = this.times[i] as number;
      floats[r * 4 + 1] = this.scores[i] as number;
      ints[r * 8 + 4] = this.searches[i] as number;
      ints[r * 8 + 5] = this.messages[i] as number;
      ints[r * 8 + 6] = this.findings[i] as number;
    }
    this.length = 0;
    if (!toFile) {
      this.blocks.push(block);
      return;
    }
    if (this.fd === undefined) {
      this.fd = openTemporary(this.dir, 'risk-events');
      closeWhenCollected.register(this, this.fd, this);
    }
    writeSync(this.fd, new Uint8Array(block), 0, block.byteLength, this.size);
    this.size += block.byteLength;
  }
}
