// Events as the store takes them: columns of bytes rather than objects. Every text value of a batch
// is UTF-8 in one byte array, each value a cell (field name, start, end, kind); times and indexes
// are arrays of their own. HEC's parse workers build these and transfer the buffers to the main
// thread without a copy, so no event exists there as a JavaScript object; the store hands each
// batch's bytes to DuckDB at once (duckdb/append-encoded.ts). Events read or made on the main
// thread (files, the detect role's output) are encoded by the same function.
import { Buffer } from 'node:buffer';
import type { Event } from '../../core/index.ts';

/** A cell's value is text (its UTF-8 bytes) or any other value as JSON (numbers, multivalues). */
export const TEXT_CELL = 0;
export const JSON_CELL = 1;
/** Int32s per cell: name id, start byte, end byte, kind. */
export const CELL_WIDTH = 4;

export interface EncodedEvents {
  readonly count: number;
  /** `_time` of each event. */
  readonly times: Float64Array;
  /** Index name of each event, as an id into `indexNames`. */
  readonly indexIds: Uint16Array;
  readonly indexNames: readonly string[];
  /** Field names, cells refer to them by position; `_time` and `index` are never cells. */
  readonly names: readonly string[];
  /** Event i's cells are cells [firstCell[i], firstCell[i + 1]). */
  readonly firstCell: Int32Array;
  readonly cells: Int32Array;
  readonly bytes: Uint8Array;
}

/** Encodes events that carry a finite `_time` and an `index` (what the store requires of them). */
export function encodeEvents(events: readonly Event[]): EncodedEvents {
  const count = events.length;
  const times = new Float64Array(count);
  const indexIds = new Uint16Array(count);
  const indexNames: string[] = [];
  const indexOf = new Map<string, number>();
  const names: string[] = [];
  const nameOf = new Map<string, number>();
  const firstCell = new Int32Array(count + 1);
  let cells = new Int32Array(Math.max(64, count * 40 * CELL_WIDTH));
  let bytes = Buffer.allocUnsafe(Math.max(4096, count * 2048));
  let used = 0;
  let cell = 0;
  for (let i = 0; i < count; i++) {
    const event = events[i] as Event;
    const time = event['_time'];
    const index = event['index'];
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new Error('an event without a valid _time reached the store');
    }
    if (typeof index !== 'string') throw new Error('an event without an index reached the store');
    times[i] = time;
    let indexId = indexOf.get(index);
    if (indexId === undefined) {
      indexId = indexNames.length;
      if (indexId > 0xffff) throw new Error('more than 65,536 indexes in one write');
      indexNames.push(index);
      indexOf.set(index, indexId);
    }
    indexIds[i] = indexId;
    firstCell[i] = cell;
    // The event's values are written with one call when they are all ASCII (byte offsets are
    // then character offsets; Sysmon events nearly always are), else one call per value.
    let joined = '';
    const first = cell;
    for (const name in event) {
      const value = event[name];
      if (value === undefined || name === '_time' || name === 'index') continue;
      let nameId = nameOf.get(name);
      if (nameId === undefined) {
        nameId = names.length;
        names.push(name);
        nameOf.set(name, nameId);
      }
      // host, source, sourcetype and _raw are text columns: other values are kept as their text.
      const isText = typeof value === 'string' || METADATA_TEXT.has(name);
      const text =
        typeof value === 'string' ? value : isText ? String(value) : JSON.stringify(value);
      if ((cell + 1) * CELL_WIDTH > cells.length) {
        const grown = new Int32Array(cells.length * 2);
        grown.set(cells);
        cells = grown;
      }
      const at = cell * CELL_WIDTH;
      cells[at] = nameId;
      cells[at + 1] = joined.length;
      cells[at + 2] = joined.length + text.length;
      cells[at + 3] = isText ? TEXT_CELL : JSON_CELL;
      cell++;
      joined += text;
    }
    if (used + joined.length * 3 > bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, used + joined.length * 3));
      bytes.copy(grown, 0, 0, used);
      bytes = grown;
    }
    const written = bytes.write(joined, used);
    if (written === joined.length) {
      for (let c = first; c < cell; c++) {
        const at = c * CELL_WIDTH;
        cells[at + 1] = (cells[at + 1] as number) + used;
        cells[at + 2] = (cells[at + 2] as number) + used;
      }
      used += written;
    } else {
      for (let c = first; c < cell; c++) {
        const at = c * CELL_WIDTH;
        const end = used + bytes.write(joined.slice(cells[at + 1], cells[at + 2]), used);
        cells[at + 1] = used;
        cells[at + 2] = end;
        used = end;
      }
    }
  }
  firstCell[count] = cell;
  return {
    count,
    times,
    indexIds,
    indexNames,
    names,
    firstCell,
    // Copies, so that the buffers sent to another thread are exactly as long as what they hold.
    cells: cells.slice(0, cell * CELL_WIDTH),
    bytes: Uint8Array.prototype.slice.call(bytes, 0, used),
  };
}

const METADATA_TEXT: ReadonlySet<string> = new Set(['host', 'source', 'sourcetype', '_raw']);

/** The events back as objects (for commit listeners such as live detection); `from`/`to`: some. */
export function decodeEvents(encoded: EncodedEvents, from = 0, to = encoded.count): Event[] {
  const bytes = Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.length);
  const out: Event[] = new Array(to - from);
  const { cells, firstCell, names } = encoded;
  for (let i = from; i < to; i++) {
    const event: Event = {
      _time: encoded.times[i] as number,
      index: encoded.indexNames[encoded.indexIds[i] as number] as string,
    };
    const first = firstCell[i] as number;
    const last = firstCell[i + 1] as number;
    // An event's values are contiguous bytes: read as one string, and when that is all ASCII
    // (as many characters as bytes) each value is a substring of it - one call into C++ per
    // event instead of one per value (~35 for Sysmon).
    const start = last > first ? (cells[first * CELL_WIDTH + 1] as number) : 0;
    const end = last > first ? (cells[(last - 1) * CELL_WIDTH + 2] as number) : 0;
    const whole = last > first ? bytes.toString('utf8', start, end) : '';
    const ascii = whole.length === end - start && contiguous(cells, first, last);
    for (let c = first; c < last; c++) {
      const at = c * CELL_WIDTH;
      const text = ascii
        ? whole.slice((cells[at + 1] as number) - start, (cells[at + 2] as number) - start)
        : bytes.toString('utf8', cells[at + 1], cells[at + 2]);
      event[names[cells[at] as number] as string] =
        cells[at + 3] === TEXT_CELL ? text : JSON.parse(text);
    }
    out[i - from] = event;
  }
  return out;
}

/** Whether the cells' values follow each other with no gap (as encodeEvents writes them). */
function contiguous(cells: Int32Array, first: number, last: number): boolean {
  for (let c = first + 1; c < last; c++) {
    if (cells[c * CELL_WIDTH + 1] !== cells[(c - 1) * CELL_WIDTH + 2]) return false;
  }
  return true;
}

/** The buffers to transfer when posting `encoded` to another thread. */
export function encodedTransferList(encoded: EncodedEvents): ArrayBuffer[] {
  return [
    encoded.times.buffer,
    encoded.indexIds.buffer,
    encoded.firstCell.buffer,
    encoded.cells.buffer,
    encoded.bytes.buffer,
  ] as ArrayBuffer[];
}

/** Bytes the batch holds (for memory bounds). */
export function encodedSize(encoded: EncodedEvents): number {
  return (
    encoded.bytes.byteLength +
    encoded.cells.byteLength +
    encoded.times.byteLength +
    encoded.firstCell.byteLength +
    encoded.indexIds.byteLength
  );
}
