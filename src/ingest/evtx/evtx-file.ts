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
    for await (const block of readBlocks(file, slots, options.signal)) {
      for (let i = 0; i < block.chunks; i++) {
        if (options.signal?.aborted) return;
        const index = block.firstIndex + i;
        const fileOffset = FILE_HEADER_SIZE + index * CHUNK_SIZE;
        const bytes = block.bytes.subarray(
          i * CHUNK_SIZE,
          Math.min(block.bytes.length, (i + 1) * CHUNK_SIZE),
        );
        if (decoder !== undefined) {
          yield decoder.decode(bytes, index, fileOffset);
        } else if (pool !== undefined) {
          // Each chunk gets its own buffer: it is transferred to the worker.
          const own = Buffer.allocUnsafeSlow(CHUNK_SIZE);
          bytes.copy(own);
          const decoded = pool.decode(own, bytes.length, index, fileOffset);
          // Awaited in order below; marked handled so an early failure is not "unhandled".
          decoded.catch(() => undefined);
          pending.push(decoded);
          if (pending.length >= ahead) yield await (pending.shift() as Promise<DecodedChunk>);
        }
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

/** Chunks per read: large reads, with the next one under way while this one is decoded. */
const CHUNKS_PER_READ = 16;

interface Block {
  readonly firstIndex: number;
  readonly chunks: number;
  readonly bytes: Buffer;
}

/** The chunk slots in blocks of CHUNKS_PER_READ, reading one block ahead (two buffers in use). */
async function* readBlocks(
  file: FileHandle,
  slots: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Block> {
  const read = async (firstIndex: number): Promise<Block> => {
    const chunks = Math.min(CHUNKS_PER_READ, slots - firstIndex);
    const buffer = Buffer.allocUnsafe(chunks * CHUNK_SIZE);
    const { bytesRead } = await file.read(
      buffer,
      0,
      buffer.length,
      FILE_HEADER_SIZE + firstIndex * CHUNK_SIZE,
    );
    return {
      firstIndex,
      chunks: Math.ceil(bytesRead / CHUNK_SIZE),
      bytes: buffer.subarray(0, bytesRead),
    };
  };
  let next = slots > 0 ? read(0) : undefined;
  for (let first = 0; next !== undefined && !signal?.aborted; first += CHUNKS_PER_READ) {
    const block = await next;
    next = first + CHUNKS_PER_READ < slots ? read(first + CHUNKS_PER_READ) : undefined;
    // The read ahead must not be left unobserved if the consumer stops here.
    next?.catch(() => undefined);
    yield block;
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
