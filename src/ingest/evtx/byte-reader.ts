// Bounds-checked little-endian reads over a byte range; every read names its field.
import { truncated } from './decode-error.ts';

/**
 * A window `[start, end)` over a buffer. Reads take an absolute offset into the buffer and a field
 * label, so an out-of-range read fails with the field and offset instead of reading garbage.
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly start: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length, view?: DataView) {
    this.bytes = bytes;
    this.view = view ?? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.start = start;
    this.end = Math.min(end, bytes.length);
  }

  /** The same buffer limited to `[start, end)`, clamped to this window. */
  window(start: number, end: number): ByteReader {
    return new ByteReader(
      this.bytes,
      Math.max(start, this.start),
      Math.min(end, this.end),
      this.view,
    );
  }

  need(offset: number, size: number, field: string): void {
    if (offset < this.start || offset + size > this.end) {
      truncated(field, offset, size, this.end - offset);
    }
  }

  u8(offset: number, field: string): number {
    if (offset < this.start || offset + 1 > this.end)
      truncated(field, offset, 1, this.end - offset);
    return this.bytes[offset] as number;
  }

  u16(offset: number, field: string): number {
    if (offset < this.start || offset + 2 > this.end)
      truncated(field, offset, 2, this.end - offset);
    return this.view.getUint16(offset, true);
  }

  u32(offset: number, field: string): number {
    if (offset < this.start || offset + 4 > this.end)
      truncated(field, offset, 4, this.end - offset);
    return this.view.getUint32(offset, true);
  }

  /** A u64 as a number; exact below 2^53, which record numbers and counts never reach. */
  u64(offset: number, field: string): number {
    if (offset < this.start || offset + 8 > this.end)
      truncated(field, offset, 8, this.end - offset);
    return (
      this.view.getUint32(offset + 4, true) * 0x1_0000_0000 + this.view.getUint32(offset, true)
    );
  }

  /** `count` UTF-16LE code units starting at `offset`. */
  utf16(offset: number, count: number, field: string): string {
    const size = count * 2;
    if (offset < this.start || offset + size > this.end) {
      truncated(field, offset, size, this.end - offset);
    }
    return decodeUtf16(this.bytes, offset, offset + size);
  }
}

const SHORT_STRING = 8;

/**
 * UTF-16LE bytes to a string. Node's Buffer decoder is the fastest route for all but the
 * shortest strings (measured: ~100 ns per call against ~250 ns for TextDecoder), and V8 stores
 * its result in one byte per character when it can. Below about eight code units one
 * `String.fromCharCode` call wins, and allocates nothing but the result.
 */
export function decodeUtf16(bytes: Uint8Array, start: number, end: number): string {
  const units = (end - start) >> 1;
  if (units <= SHORT_STRING) return shortUtf16(bytes, start, units);
  return utf16leSlice(asBuffer(bytes), start, start + units * 2);
}

/** Node's decoders on Buffer.prototype, which `toString(encoding)` reaches through two calls. */
interface NodeSlices extends Buffer {
  ucs2Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/**
 * Whether Buffer.prototype has Node's `ucs2Slice` and `latin1Slice` (every release has had them,
 * though its typings do not name them): called directly they skip `toString`'s encoding lookup
 * and two calls, 7% of the EVTX reader's time (bench `evtx`).
 */
const DIRECT_SLICES =
  typeof (Buffer.prototype as Partial<NodeSlices>).ucs2Slice === 'function' &&
  typeof (Buffer.prototype as Partial<NodeSlices>).latin1Slice === 'function';

/** `buffer.toString('utf16le', start, end)`. */
export function utf16leSlice(buffer: Buffer, start: number, end: number): string {
  return DIRECT_SLICES
    ? (buffer as NodeSlices).ucs2Slice(start, end)
    : buffer.toString('utf16le', start, end);
}

/** `buffer.toString('latin1', start, end)`. */
export function latin1Slice(buffer: Buffer, start: number, end: number): string {
  return DIRECT_SLICES
    ? (buffer as NodeSlices).latin1Slice(start, end)
    : buffer.toString('latin1', start, end);
}

function shortUtf16(b: Uint8Array, s: number, units: number): string {
  switch (units) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(unit(b, s, 0));
    case 2:
      return String.fromCharCode(unit(b, s, 0), unit(b, s, 1));
    case 3:
      return String.fromCharCode(unit(b, s, 0), unit(b, s, 1), unit(b, s, 2));
    case 4:
      return String.fromCharCode(unit(b, s, 0), unit(b, s, 1), unit(b, s, 2), unit(b, s, 3));
    case 5:
      return String.fromCharCode(
        unit(b, s, 0),
        unit(b, s, 1),
        unit(b, s, 2),
        unit(b, s, 3),
        unit(b, s, 4),
      );
    case 6:
      return String.fromCharCode(
        unit(b, s, 0),
        unit(b, s, 1),
        unit(b, s, 2),
        unit(b, s, 3),
        unit(b, s, 4),
        unit(b, s, 5),
      );
    case 7:
      return String.fromCharCode(
        unit(b, s, 0),
        unit(b, s, 1),
        unit(b, s, 2),
        unit(b, s, 3),
        unit(b, s, 4),
        unit(b, s, 5),
        unit(b, s, 6),
      );
    default:
      return String.fromCharCode(
        unit(b, s, 0),
        unit(b, s, 1),
        unit(b, s, 2),
        unit(b, s, 3),
        unit(b, s, 4),
        unit(b, s, 5),
        unit(b, s, 6),
        unit(b, s, 7),
      );
  }
}

/**
 * UTF-16 code unit `k` from `s`. A module function, not a closure in shortUtf16: tsx (esbuild
 * keepNames) wraps every closure in a `__name` call, paid on each call of the enclosing function.
 */
function unit(b: Uint8Array, s: number, k: number): number {
  return (b[s + 2 * k] as number) | ((b[s + 2 * k + 1] as number) << 8);
}

/** The bytes as a Buffer (no copy), for Node's decoders. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
