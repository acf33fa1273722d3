// Making EncodedEvents: events are encoded one value at a time into the batch's byte array and
// cell table (see encoded-events.ts for the format).
import { Buffer } from 'node:buffer';
import type { Event } from '../../core/index.ts';
import { CELL_WIDTH, type EncodedEvents, JSON_CELL, TEXT_CELL } from './encoded-events.ts';

/** Encodes events that carry a finite `_time` and an `index` (what the store requires of them). */
export function encodeEvents(events: readonly Event[]): EncodedEvents {
  const encoder = new EventEncoder(events.length);
  for (const event of events) encoder.add(event);
  return encoder.finish();
}

/**
 * Encodes events one at a time, so that a producer (HEC's parse worker) can let each event go as
 * soon as it is made: a body's events never live together as objects, and the young generation's
 * scavenges find little alive (bench server-hec: the worker spent ~30% of its time in GC).
 */
export class EventEncoder {
  private count = 0;
  private times: Float64Array;
  private indexIds: Uint16Array;
  private readonly indexNames: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly nameOf = new Map<string, number>();
  private firstCell: Int32Array;
  private cells: Int32Array;
  private bytes: Buffer;
  private used = 0;
  private cell = 0;
  /** The event's values not written yet, and the first of their cells. */
  private joined = '';
  private joinedFirst = 0;

  /** `expected`: about how many events will be added (the arrays grow past it). */
  constructor(expected = 64) {
    const count = Math.max(1, expected);
    this.times = new Float64Array(count);
    this.indexIds = new Uint16Array(count);
    this.firstCell = new Int32Array(count + 1);
    this.cells = new Int32Array(Math.max(64, count * 40 * CELL_WIDTH));
    this.bytes = Buffer.allocUnsafe(Math.max(4096, count * 2048));
  }

  add(event: Event): void {
    const time = event['_time'];
    const index = event['index'];
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new Error('an event without a valid _time reached the store');
    }
    if (typeof index !== 'string') throw new Error('an event without an index reached the store');
    this.begin(time, index);
    for (const name in event) {
      const value = event[name];
      if (value === undefined || name === '_time' || name === 'index') continue;
      let nameId = this.nameOf.get(name);
      if (nameId === undefined) nameId = this.addName(name);
      if (typeof value === 'string') {
        this.put(nameId, value, TEXT_CELL);
      } else if (METADATA_TEXT.has(name)) {
        // host, source, sourcetype and _raw are text columns: other values are kept as their text.
        this.put(nameId, String(value), TEXT_CELL);
      } else {
        this.put(nameId, JSON.stringify(value), JSON_CELL);
      }
    }
    this.end();
  }

  finish(): EncodedEvents {
    const { count, cell } = this;
    this.firstCell[count] = cell;
    return {
      count,
      // Copies, so that the buffers sent to another thread are exactly as long as what they hold.
      times: this.times.slice(0, count),
      indexIds: this.indexIds.slice(0, count),
      indexNames: this.indexNames,
      names: this.names,
      firstCell: this.firstCell.slice(0, count + 1),
      cells: this.cells.slice(0, cell * CELL_WIDTH),
      bytes: Uint8Array.prototype.slice.call(this.bytes, 0, this.used),
    };
  }

  /** Starts event `count`: its time, index and first cell. */
  private begin(time: number, index: string): void {
    const i = this.count;
    if (i + 1 >= this.firstCell.length) this.growEvents();
    this.times[i] = time;
    let indexId = this.indexOf.get(index);
    if (indexId === undefined) {
      indexId = this.indexNames.length;
      if (indexId > 0xffff) throw new Error('more than 65,536 indexes in one write');
      this.indexNames.push(index);
      this.indexOf.set(index, indexId);
    }
    this.indexIds[i] = indexId;
    this.firstCell[i] = this.cell;
    this.joined = '';
    this.joinedFirst = this.cell;
  }

  private addName(name: string): number {
    const nameId = this.names.length;
    this.names.push(name);
    this.nameOf.set(name, nameId);
    return nameId;
  }

  /**
   * One value as the next cell. Values are gathered into one string and written with one call
   * (byte offsets are then character offsets when it is all ASCII; Sysmon events nearly always
   * are), but a long one (`_raw`) is written alone: appending it to the others made one copy
   * more of it when the joined string was flattened for the write.
   */
  private put(nameId: number, text: string, kind: number): void {
    const cell = this.cell;
    if ((cell + 1) * CELL_WIDTH > this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    const cells = this.cells;
    const at = cell * CELL_WIDTH;
    cells[at] = nameId;
    cells[at + 3] = kind;
    this.cell = cell + 1;
    if (text.length >= WRITTEN_ALONE) {
      this.writeJoined(cell);
      this.reserve(text.length * 3);
      const written = this.bytes.write(text, this.used);
      cells[at + 1] = this.used;
      cells[at + 2] = this.used + written;
      this.used += written;
      this.joinedFirst = cell + 1;
      return;
    }
    const joined = this.joined;
    cells[at + 1] = joined.length;
    cells[at + 2] = joined.length + text.length;
    this.joined = joined + text;
  }

  /** Ends the event: its gathered values are written. */
  private end(): void {
    this.writeJoined(this.cell);
    this.joined = '';
    this.count++;
  }

  /** Writes the gathered values of cells [joinedFirst, last) and makes their offsets bytes. */
  private writeJoined(last: number): void {
    const joined = this.joined;
    const first = this.joinedFirst;
    if (first === last) return;
    this.joined = '';
    this.reserve(joined.length * 3);
    const { cells, bytes } = this;
    let used = this.used;
    const written = bytes.write(joined, used);
    if (written === joined.length) {
      for (let c = first; c < last; c++) {
        const at = c * CELL_WIDTH;
        cells[at + 1] = (cells[at + 1] as number) + used;
        cells[at + 2] = (cells[at + 2] as number) + used;
      }
      used += written;
    } else {
      for (let c = first; c < last; c++) {
        const at = c * CELL_WIDTH;
        const end = used + bytes.write(joined.slice(cells[at + 1], cells[at + 2]), used);
        cells[at + 1] = used;
        cells[at + 2] = end;
        used = end;
      }
    }
    this.used = used;
  }

  /** Room for `more` bytes after those used. */
  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + more));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  private growEvents(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    const indexIds = new Uint16Array(size);
    indexIds.set(this.indexIds);
    this.indexIds = indexIds;
    const firstCell = new Int32Array(size + 1);
    firstCell.set(this.firstCell);
    this.firstCell = firstCell;
  }
}

/** Values this long or longer are written to the bytes alone (see EventEncoder.put). */
const WRITTEN_ALONE = 1024;

const METADATA_TEXT: ReadonlySet<string> = new Set(['host', 'source', 'sourcetype', '_raw']);
