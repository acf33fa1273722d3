// The 512-byte chunk header at the start of every 64 KiB chunk (libevtx spec "Chunk header").
import { ByteReader } from './byte-reader.ts';
import { crc32 } from './crc32.ts';

export const CHUNK_SIZE = 0x10000;
export const CHUNK_HEADER_SIZE = 512;
const CHUNK_SIGNATURE = 'ElfChnk\0';

export interface EvtxChunkHeader {
  readonly firstRecordNumber: number;
  readonly lastRecordNumber: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly headerSize: number;
  /** Offset of the last record, relative to the chunk. */
  readonly lastRecordOffset: number;
  /** Offset of the first byte after the records, relative to the chunk. */
  readonly freeSpaceOffset: number;
  readonly storedRecordsCrc: number;
  /** Flag 0x4 at offset 120: both checksums were left at 0 by the writer. */
  readonly noCrc: boolean;
  readonly storedHeaderCrc: number;
  /** CRC-32 of bytes 0..120 and 128..512. */
  readonly computedHeaderCrc: number;
}

export function hasChunkSignature(bytes: Uint8Array, offset = 0): boolean {
  if (offset + 8 > bytes.length) return false;
  for (let i = 0; i < 8; i++) {
    if (bytes[offset + i] !== CHUNK_SIGNATURE.charCodeAt(i)) return false;
  }
  return true;
}

/** Parses the header of the chunk held in `bytes` (which starts at the chunk). */
export function parseChunkHeader(bytes: Uint8Array): EvtxChunkHeader {
  const r = new ByteReader(bytes);
  r.need(0, CHUNK_HEADER_SIZE, 'chunk header');
  return {
    firstRecordNumber: r.u64(8, 'first event record number'),
    lastRecordNumber: r.u64(16, 'last event record number'),
    firstRecordId: r.u64(24, 'first event record identifier'),
    lastRecordId: r.u64(32, 'last event record identifier'),
    headerSize: r.u32(40, 'chunk header size'),
    lastRecordOffset: r.u32(44, 'last event record offset'),
    freeSpaceOffset: r.u32(48, 'free space offset'),
    storedRecordsCrc: r.u32(52, 'event records checksum'),
    noCrc: (r.u32(120, 'chunk flags') & 4) !== 0,
    storedHeaderCrc: r.u32(124, 'chunk header checksum'),
    computedHeaderCrc: crc32(bytes, 128, CHUNK_HEADER_SIZE, crc32(bytes, 0, 120)),
  };
}
