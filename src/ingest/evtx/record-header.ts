// The event record framing: signature, size, identifier, written time, BinXML, copy of size.
import type { ByteReader } from './byte-reader.ts';
import { invalid } from './decode-error.ts';

const RECORD_SIGNATURE = 0x00002a2a;
const RECORD_HEADER_SIZE = 24;
/** Signature, size, identifier, time and the trailing size copy. */
export const RECORD_MIN_SIZE = RECORD_HEADER_SIZE + 4;

export interface EvtxRecordHeader {
  /** Offset of the record, relative to the chunk. */
  readonly offset: number;
  readonly size: number;
  readonly recordId: number;
  /** FILETIME of the write, as two u32 halves (a FILETIME does not fit a double exactly). */
  readonly writtenLow: number;
  readonly writtenHigh: number;
  /** BinXML bytes are `[binXmlStart, binXmlEnd)` in the chunk. */
  readonly binXmlStart: number;
  readonly binXmlEnd: number;
}

/**
 * Reads and checks the record framing at `offset`. The record must fit in `r` (the chunk's
 * record area) and its trailing size copy must equal its size.
 */
export function parseRecordHeader(r: ByteReader, offset: number): EvtxRecordHeader {
  const signature = r.u32(offset, 'record signature');
  if (signature !== RECORD_SIGNATURE) {
    invalid('record signature', offset, `expected 2a2a0000, found ${hexBytes(signature)}`);
  }
  const size = r.u32(offset + 4, 'record size');
  if (size < RECORD_MIN_SIZE || offset + size > r.end) {
    invalid(
      'record size',
      offset + 4,
      `${size} does not fit in the ${r.end - offset} byte(s) left in the chunk`,
    );
  }
  const copy = r.u32(offset + size - 4, 'record size copy');
  if (copy !== size) {
    invalid('record size copy', offset + size - 4, `${copy} differs from the size ${size}`);
  }
  return {
    offset,
    size,
    recordId: r.u64(offset + 8, 'record identifier'),
    writtenLow: r.u32(offset + 16, 'record written time'),
    writtenHigh: r.u32(offset + 20, 'record written time'),
    binXmlStart: offset + RECORD_HEADER_SIZE,
    binXmlEnd: offset + size - 4,
  };
}

function hexBytes(value: number): string {
  const bytes = [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}
