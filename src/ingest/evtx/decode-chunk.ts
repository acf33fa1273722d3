// Decodes one 64 KiB chunk: header and CRC checks, record framing, BinXML, damage reports.

import { type ChunkContext, createChunkContext } from './binxml/chunk-context.ts';
import type { TemplateCache } from './binxml/template-cache.ts';
import { ByteReader } from './byte-reader.ts';
import {
  CHUNK_HEADER_SIZE,
  CHUNK_SIZE,
  hasChunkSignature,
  parseChunkHeader,
} from './chunk-header.ts';
import { sharedTemplates } from './compiled-caches.ts';
import { crc32 } from './crc32.ts';
import { EvtxDecodeError, EvtxLimitError } from './decode-error.ts';
import type { DecodedChunkOf, DecodedRecord, EvtxProblem, RecordOutput } from './decoded.ts';
import { EVTX_CODES, type EvtxCode } from './problem-codes.ts';
import { RecordDecoder, type RecordOutputs } from './record-decoder.ts';
import { parseRecordHeader, RECORD_MIN_SIZE } from './record-header.ts';
import { findRecord, isAllZero } from './record-scan.ts';

export interface ChunkDecodeOptions extends RecordOutputs {
  /** Also decode records found in slack space and in chunks whose header is damaged. */
  readonly recover: boolean;
}

/** Decodes chunks one after another, every record through one reusable `output`. */
export class ChunkReader<T> {
  private readonly output: RecordOutput<T>;
  private readonly recover: boolean;
  /** Templates compiled in earlier chunks (of any reader), reused where a chunk defines the same one. */
  private readonly templates: TemplateCache;

  /** `templates`: the thread's shared cache unless given (tests compare with a fresh one). */
  constructor(output: RecordOutput<T>, recover: boolean, templates = sharedTemplates) {
    this.output = output;
    this.recover = recover;
    this.templates = templates;
  }

  /**
   * `bytes` holds the chunk (64 KiB, or less where the file is cut short), `fileOffset` is where
   * it starts in the file and `index` its position after the file header.
   */
  decode(bytes: Uint8Array, index: number, fileOffset: number): DecodedChunkOf<T> {
    const run = new ChunkRun(
      this.output,
      createChunkContext(bytes, this.templates),
      index,
      fileOffset,
    );
    if (!hasChunkSignature(bytes) || bytes.length < CHUNK_HEADER_SIZE) {
      if (isAllZero(bytes)) return run.result();
      run.report(
        EVTX_CODES.chunkMagic,
        'skipped',
        run.where,
        hasChunkSignature(bytes)
          ? `chunk header cut short: ${bytes.length} of ${CHUNK_HEADER_SIZE} bytes; its records are skipped`
          : 'chunk signature is not "ElfChnk\\0"; its records are skipped',
      );
      if (this.recover) run.recoverFrom(CHUNK_HEADER_SIZE, bytes.length);
      return run.result();
    }
    const header = parseChunkHeader(bytes);
    if (!header.noCrc && header.storedHeaderCrc !== header.computedHeaderCrc) {
      run.report(
        EVTX_CODES.chunkHeaderCrc,
        'damaged',
        run.where,
        `chunk header checksum ${hex8(header.storedHeaderCrc)} differs from the computed ${hex8(header.computedHeaderCrc)}; records are still read`,
      );
    }
    let recordsEnd = header.freeSpaceOffset;
    if (recordsEnd < CHUNK_HEADER_SIZE || recordsEnd > bytes.length) {
      run.report(
        EVTX_CODES.chunkHeaderField,
        'damaged',
        run.where,
        `free space offset 0x${recordsEnd.toString(16)} is outside the chunk; records are read until one does not parse`,
      );
      recordsEnd = bytes.length;
    } else if (!header.noCrc) {
      const computed = crc32(bytes, CHUNK_HEADER_SIZE, recordsEnd);
      if (computed !== header.storedRecordsCrc) {
        run.report(
          EVTX_CODES.chunkRecordsCrc,
          'damaged',
          run.where,
          `event records checksum ${hex8(header.storedRecordsCrc)} differs from the computed ${hex8(computed)}; records are still read`,
        );
      }
    }
    if (bytes.length < CHUNK_SIZE) {
      run.report(
        EVTX_CODES.chunkTruncated,
        'damaged',
        run.where,
        `the file ends ${bytes.length} bytes into this chunk; records that fit are read`,
      );
    }
    run.readRecords(recordsEnd, recordsEnd !== header.freeSpaceOffset);
    if (this.recover && recordsEnd < bytes.length) run.recoverFrom(recordsEnd, bytes.length);
    return run.result();
  }
}

/** Chunks to DecodedRecords (event parts and/or XML): the XML reader, tests and conformance. */
export class ChunkDecoder extends ChunkReader<DecodedRecord> {
  constructor(options: ChunkDecodeOptions, templates?: TemplateCache) {
    super(new RecordDecoder(options), options.recover, templates);
  }
}

/** The state of decoding one chunk. */
class ChunkRun<T> {
  readonly where: string;
  private readonly decoder: RecordOutput<T>;
  private readonly bytes: Uint8Array;
  private readonly index: number;
  private readonly fileOffset: number;
  private readonly chunk: ChunkContext;
  private readonly records: T[] = [];
  /** Identifiers of the records decoded, for `recover` to leave out. */
  private readonly ids: number[] = [];
  private readonly problems: EvtxProblem[] = [];

  constructor(decoder: RecordOutput<T>, chunk: ChunkContext, index: number, fileOffset: number) {
    this.decoder = decoder;
    this.bytes = chunk.bytes;
    this.index = index;
    this.fileOffset = fileOffset;
    this.where = `chunk ${index} @0x${fileOffset.toString(16)}`;
    this.chunk = chunk;
  }

  result(): DecodedChunkOf<T> {
    return { index: this.index, records: this.records, problems: this.problems };
  }

  report(code: EvtxCode, kind: EvtxProblem['kind'], location: string, message: string): void {
    this.problems.push({ code, kind, location, message });
  }

  /** Records from the header's end to `end`, skipping over damaged framing to the next record. */
  readRecords(end: number, endIsGuess: boolean): void {
    const area = new ByteReader(this.bytes, 0, end);
    let p = CHUNK_HEADER_SIZE;
    while (p + RECORD_MIN_SIZE <= end) {
      let next: number;
      try {
        const header = parseRecordHeader(area, p);
        this.decodeRecord(header, false);
        next = p + header.size;
      } catch (error) {
        if (!(error instanceof EvtxDecodeError)) throw error;
        if (endIsGuess && isAllZero(this.bytes.subarray(p, p + 8))) return;
        next = findRecord(this.bytes, p + 1, end);
        const skipped =
          next < 0
            ? 'the rest of the chunk is skipped'
            : `${next - p} bytes skipped to the next record`;
        this.report(
          EVTX_CODES.recordHeader,
          'skipped',
          this.recordWhere(p),
          `${error.describe(this.fileOffset)}; ${skipped}`,
        );
        if (next < 0) return;
      }
      p = next;
    }
  }

  /** Records in `[from, to)` found by signature; ids already read in this chunk are left out. */
  recoverFrom(from: number, to: number): void {
    const seen = new Set(this.ids);
    const area = new ByteReader(this.bytes, 0, to);
    let count = 0;
    for (let p = findRecord(this.bytes, from, to); p >= 0; p = findRecord(this.bytes, p, to)) {
      const header = parseRecordHeader(area, p);
      if (!seen.has(header.recordId)) {
        seen.add(header.recordId);
        if (this.decodeRecord(header, true)) count++;
      }
      p += header.size;
    }
    if (count > 0) {
      this.report(
        EVTX_CODES.recovered,
        'damaged',
        this.where,
        `recovered ${count} record(s) from slack space at 0x${(this.fileOffset + from).toString(16)}`,
      );
    }
  }

  private decodeRecord(header: ReturnType<typeof parseRecordHeader>, recovered: boolean): boolean {
    try {
      this.records.push(this.decoder.decode(this.chunk, header, this.fileOffset, recovered));
      this.ids.push(header.recordId);
      return true;
    } catch (error) {
      const message =
        error instanceof EvtxDecodeError
          ? error.describe(this.fileOffset)
          : describeUnexpected(error);
      const code =
        error instanceof EvtxLimitError ? EVTX_CODES.recordLimit : EVTX_CODES.recordBinXml;
      this.report(
        code,
        'skipped',
        this.recordWhere(header.offset, header.recordId),
        `record ${header.recordId} skipped: ${message}`,
      );
      return false;
    }
  }

  private recordWhere(offset: number, recordId?: number): string {
    const id = recordId === undefined ? 'record' : `record ${recordId}`;
    return `${this.where}, ${id} @0x${(this.fileOffset + offset).toString(16)}`;
  }
}

/** Anything but a decode error is a bug; it is still reported with the record, not thrown. */
function describeUnexpected(error: unknown): string {
  return `internal error while decoding (${error instanceof Error ? error.message : String(error)})`;
}

function hex8(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
