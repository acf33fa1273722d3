// A decoded chunk flattened for the trip from a worker: its strings joined into one UTF-16
// buffer and its numbers into a typed array, all transferred rather than structured-cloned
// (cloning thousands of small strings cost more than decoding the chunk; measured).
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import { utf16leSlice } from '../byte-reader.ts';
import type { DecodedChunk, DecodedRecord, EvtxProblem } from '../decoded.ts';
import { SYSTEM_KEYS } from '../render/system-keys.ts';

export interface PackedChunk {
  readonly index: number;
  readonly problems: readonly EvtxProblem[];
  /** Per cell: 0 undefined, 1 number, 2 string (see `packChunk` for the cell order). */
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  /** The strings, back to back, as UTF-16LE; `ends` holds where each one ends (code units). */
  readonly text: Uint8Array;
  readonly ends: Uint32Array;
}

type Cell = string | number | undefined;

/** Cells per record: id, offset, recovered, xml, has-parts, then the parts' values. */
function cellsOf(chunk: DecodedChunk): Cell[] {
  const cells: Cell[] = [];
  for (const record of chunk.records) {
    cells.push(record.recordId, record.offset, record.recovered ? 1 : 0, record.xml);
    const parts = record.parts;
    if (parts === undefined) {
      cells.push(0);
      continue;
    }
    cells.push(1);
    for (const key of SYSTEM_KEYS) cells.push(parts.system[key]);
    cells.push(parts.renderedMessage, parts.data.length);
    for (const item of parts.data) cells.push(item.name, item.value);
  }
  return cells;
}

export function packChunk(chunk: DecodedChunk): PackedChunk {
  const cells = cellsOf(chunk);
  const kinds = new Uint8Array(cells.length);
  const numbers = new Float64Array(cells.length);
  const strings: string[] = [];
  const ends: number[] = [];
  let length = 0;
  cells.forEach((cell, i) => {
    if (typeof cell === 'number') {
      kinds[i] = 1;
      numbers[i] = cell;
    } else if (typeof cell === 'string') {
      kinds[i] = 2;
      strings.push(cell);
      length += cell.length;
      ends.push(length);
    }
  });
  // Its own ArrayBuffer (not Node's shared pool), since it is transferred.
  const text = Buffer.allocUnsafeSlow(length * 2);
  text.write(strings.join(''), 0, 'utf16le');
  return {
    index: chunk.index,
    problems: chunk.problems,
    kinds,
    numbers,
    text,
    ends: Uint32Array.from(ends),
  };
}

/** The buffers `postMessage` should transfer. */
export function transferables(packed: PackedChunk): ArrayBuffer[] {
  return [
    packed.kinds.buffer,
    packed.numbers.buffer,
    packed.text.buffer,
    packed.ends.buffer,
  ] as ArrayBuffer[];
}

export function unpackChunk(packed: PackedChunk): DecodedChunk {
  const { kinds, numbers, ends } = packed;
  const text = Buffer.from(packed.text.buffer, packed.text.byteOffset, packed.text.byteLength);
  let cell = 0;
  let string = 0;
  const next = (): Cell => {
    const kind = kinds[cell];
    const at = cell++;
    if (kind === 1) return numbers[at];
    if (kind !== 2) return undefined;
    const start = string === 0 ? 0 : (ends[string - 1] as number);
    const end = ends[string++] as number;
    return utf16leSlice(text, start * 2, end * 2);
  };
  const records: DecodedRecord[] = [];
  while (cell < kinds.length) {
    const recordId = next() as number;
    const offset = next() as number;
    const recovered = next() === 1;
    const xml = next() as string | undefined;
    let parts: WindowsEventParts | undefined;
    if (next() === 1) {
      const system: { -readonly [K in keyof WindowsSystem]: WindowsSystem[K] } = {};
      for (const key of SYSTEM_KEYS) {
        const value = next() as string | undefined;
        if (value !== undefined) system[key] = value;
      }
      const message = next() as string | undefined;
      const count = next() as number;
      const data: WindowsDataItem[] = new Array(count);
      for (let k = 0; k < count; k++) {
        const name = next() as string | undefined;
        data[k] = { name, value: next() as string };
      }
      parts = message === undefined ? { system, data } : { system, data, renderedMessage: message };
    }
    records.push({ recordId, offset, parts, xml, recovered });
  }
  return { index: packed.index, records, problems: packed.problems };
}
