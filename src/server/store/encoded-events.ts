// Events as the store takes them: columns of bytes rather than objects. Every text value of a batch
// is UTF-8 in one byte array, each value a cell (field name, start, end, kind); times and indexes
// are arrays of their own. HEC's parse workers build these and transfer the buffers to the main
// thread without a copy, so no event exists there as a JavaScript object; the store hands each
// batch's bytes to DuckDB at once (duckdb/append-encoded.ts). Events read or made on the main
// thread (files, the detect role's output) are encoded by the same function.
import { Buffer } from 'node:buffer';
import { type Event, writeField } from '../../core/index.ts';
import type { EncodedMatches } from './encoded-matches.ts';

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
  /** The events' Sigma matches, when they were matched where they were encoded. */
  readonly matches?: EncodedMatches;
}

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
      // A field named `__proto__` (a Data item's Name) is a field, not the object's prototype.
      writeField(
        event,
        names[cells[at] as number] as string,
        cells[at + 3] === TEXT_CELL ? text : JSON.parse(text),
      );
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
    ...(encoded.matches === undefined ? [] : [encoded.matches.found.buffer]),
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
