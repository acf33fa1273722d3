// Streams an EVTX file chunk by chunk: file header checks, chunk reads, in-thread or parallel decoding.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DiagnosticError, error } from '../../core/diagnostic.ts';
import { CHUNK_SIZE } from './chunk-header.ts';
import { type ChunkDecodeOptions, ChunkDecoder } from './decode-chunk.ts';
import type { DecodedChunk, EvtxProblem } from './decoded.ts';
import {
  FILE_HEADER_FIELDS_SIZE,
  FILE_HEADER_SIZE,
  hasEvtxSignature,
  parseFileHeader,
} from './file-header.ts';
import { ChunkWorkerPool } from './parallel/worker-pool.ts';
import { EVTX_CODES } from './problem-codes.ts';

export interface EvtxFileOptions extends ChunkDecodeOptions {
  /** Worker threads decoding chunks; 0 decodes on the calling thread. */
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
}

/** Chunks decoded ahead of the consumer per worker; bounds memory whatever the file size. */
const CHUNKS_AHEAD_PER_WORKER = 4;

/**
 * Decoded chunks of the file in order. Throws `DiagnosticError` (EVTX001, EVTX002) when the file
 * is not an EVTX file; every damage inside the file goes to `onProblem` and the read carries on.
 */
export async function* decodeEvtxFile(
  path: string,
  options: EvtxFileOptions,
  onProblem: (problem: EvtxProblem) => void,
): AsyncGenerator<DecodedChunk> {
  const file = await open(path, 'r');
  let pool: ChunkWorkerPool | undefined;
  try {
    const slots = await readFileHeader(path, file, onProblem);
    if (options.workers > 0 && slots > 1) pool = new ChunkWorkerPool(options.workers, options);
    const decoder = pool === undefined ? new ChunkDecoder(options) : undefined;
    const pending: Promise<DecodedChunk>[] = [];
    const ahead = (pool?.size ?? 0) * CHUNKS_AHEAD_PER_WORKER;
    const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
    for (let index = 0; index < slots; index++) {
      if (options.signal?.aborted) return;
      const fileOffset = FILE_HEADER_SIZE + index * CHUNK_SIZE;
      if (decoder !== undefined) {
        const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, fileOffset);
        yield decoder.decode(buffer.subarray(0, bytesRead), index, fileOffset);
      } else if (pool !== undefined) {
        // Each chunk gets its own buffer: it is transferred to the worker.
        const own = Buffer.allocUnsafeSlow(CHUNK_SIZE);
        const { bytesRead } = await file.read(own, 0, CHUNK_SIZE, fileOffset);
        const decoded = pool.decode(own, bytesRead, index, fileOffset);
        // Awaited in order below; marked handled so an early failure is not "unhandled".
        decoded.catch(() => undefined);
        pending.push(decoded);
        if (pending.length >= ahead) yield await (pending.shift() as Promise<DecodedChunk>);
      }
    }
    while (pending.length > 0) {
      if (options.signal?.aborted) return;
      yield await (pending.shift() as Promise<DecodedChunk>);
    }
  } finally {
    await pool?.close();
    await file.close();
  }
}

/** Checks the file header and returns how many chunk slots the file holds. */
async function readFileHeader(
  path: string,
  file: FileHandle,
  onProblem: (problem: EvtxProblem) => void,
): Promise<number> {
  const size = (await file.stat()).size;
  const head = Buffer.alloc(Math.min(size, FILE_HEADER_SIZE));
  await file.read(head, 0, head.length, 0);
  if (!hasEvtxSignature(head)) {
    throw new DiagnosticError([
      error(EVTX_CODES.notEvtx, 'not an EVTX file: it does not start with "ElfFile\\0"', {
        location: `${path} @0x0`,
      }),
    ]);
  }
  if (size < FILE_HEADER_FIELDS_SIZE) {
    throw new DiagnosticError([
      error(EVTX_CODES.headerTruncated, `EVTX file header cut short: ${size} of 128 bytes`, {
        location: `${path} @0x0`,
      }),
    ]);
  }
  const header = parseFileHeader(head);
  const where = 'file header @0x0';
  if (!header.noCrc && header.storedCrc !== header.computedCrc) {
    const code = EVTX_CODES.fileHeaderCrc;
    onProblem({
      code,
      kind: 'damaged',
      location: where,
      message: `file header checksum 0x${header.storedCrc.toString(16)} differs from the computed 0x${header.computedCrc.toString(16)}; chunks are still read`,
    });
  }
  const slots = Math.max(0, Math.ceil((size - FILE_HEADER_SIZE) / CHUNK_SIZE));
  if (header.chunkCount > slots) {
    const code = EVTX_CODES.fileTruncated;
    onProblem({
      code,
      kind: 'damaged',
      location: where,
      message: `the header claims ${header.chunkCount} chunk(s) but the file holds ${slots}: it was cut short`,
    });
  }
  return slots;
}
