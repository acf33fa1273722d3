// The EVTX file header: the first 4096 bytes, of which the first 128 carry fields (libevtx spec §2).
import { ByteReader } from './byte-reader.ts';
import { crc32 } from './crc32.ts';
import { EvtxDecodeError } from './decode-error.ts';

export const FILE_HEADER_SIZE = 4096;
export const FILE_HEADER_FIELDS_SIZE = 128;
export const FILE_SIGNATURE = 'ElfFile\0';

export interface EvtxFileHeader {
  readonly firstChunkNumber: number;
  readonly lastChunkNumber: number;
  readonly nextRecordId: number;
  readonly headerSize: number;
  readonly minorVersion: number;
  readonly majorVersion: number;
  /** Offset of the first chunk; 4096 in every file seen. */
  readonly headerBlockSize: number;
  /** Chunks the header claims; dirty files can hold more (libevtx spec "Dirty file…"). */
  readonly chunkCount: number;
  readonly dirty: boolean;
  readonly full: boolean;
  /** Flag 0x4: the writer left the checksum at 0 (seen on Windows 10 2004+ files). */
  readonly noCrc: boolean;
  readonly storedCrc: number;
  /** CRC-32 of bytes 0..120, to compare with `storedCrc`. */
  readonly computedCrc: number;
}

/** True when `bytes` starts with the EVTX file signature (the sniff test). */
export function hasEvtxSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== FILE_SIGNATURE.charCodeAt(i)) return false;
  return true;
}

/** Parses the header fields; throws `EvtxDecodeError` when the signature or the bytes are missing. */
export function parseFileHeader(bytes: Uint8Array): EvtxFileHeader {
  const r = new ByteReader(bytes);
  r.need(0, FILE_HEADER_FIELDS_SIZE, 'file header');
  if (!hasEvtxSignature(bytes)) {
    throw new EvtxDecodeError('file signature', 0, 'file signature is not "ElfFile\\0"');
  }
  const flags = r.u32(120, 'file flags');
  return {
    firstChunkNumber: r.u64(8, 'first chunk number'),
    lastChunkNumber: r.u64(16, 'last chunk number'),
    nextRecordId: r.u64(24, 'next record identifier'),
    headerSize: r.u32(32, 'header size'),
    minorVersion: r.u16(36, 'minor format version'),
    majorVersion: r.u16(38, 'major format version'),
    headerBlockSize: r.u16(40, 'header block size'),
    chunkCount: r.u16(42, 'number of chunks'),
    dirty: (flags & 1) !== 0,
    full: (flags & 2) !== 0,
    noCrc: (flags & 4) !== 0,
    storedCrc: r.u32(124, 'file header checksum'),
    computedCrc: crc32(bytes, 0, 120),
  };
}
