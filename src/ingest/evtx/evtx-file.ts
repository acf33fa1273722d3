// Streams an EVTX file chunk by chunk: file header checks, chunk reads, in-thread or parallel decoding.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DiagnosticError, error } from '../../core/index.ts';
import { CHUNK_SIZE } from './chunk-header.ts';
import { type ChunkDecodeOptions, ChunkDecoder } from './decode-chunk.ts';
import type { DecodedChunk, EventChunk, EvtxProblem } from './decoded.ts';
import { EventChunkDecoder, type EventDecodeOptions } from './event-decoder.ts';
import {
  FILE_HEADER_FIELDS_SIZE,
  FILE_HEADER_SIZE,
  hasEvtxSignature,
  parseFileHeader,
} from './file-header.ts';
import { unpackChunk } from './parallel/packed-chunk.ts';
import { unpackEvents } from './parallel/packed-events.ts';
import { leasePool, type PoolLease } from './parallel/shared-pools.ts';
import { EVTX_CODES } from './problem-codes.ts';

export interface EvtxFileOptions extends ChunkDecodeOptions {
  /** Worker threads decoding chunks; 0 decodes on the calling thread. */
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
}

export interface EvtxEventFileOptions extends EventDecodeOptions {
  /** Worker threads decoding chunks; 0 decodes on the calling thread. */
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
}

/** How chunks are decoded: on this thread, or by a pool of worker threads. */
interface ChunkDecoding<T> {
  inThread(): { decode(bytes: Uint8Array, index: number, fileOffset: number): T };
  pool(size: number): ChunkPool<T>;
}

type ChunkPool<T> = PoolLease<T>;

/** Chunks decoded ahead of the consumer per worker; bounds memory whatever the file size. */
const CHUNKS_AHEAD_PER_WORKER = 8;

/**
 * Decoded chunks of the file in order (records with event parts and/or XML). Throws
 * `DiagnosticError` (EVTX001, EVTX002) when the file is not an EVTX file; every damage inside the
 * file goes to `onProblem` and the read carries on.
 */
export function decodeEvtxFile(
  path: string,
  options: EvtxFileOptions,
  onProblem: (problem: EvtxProblem) => void,
): AsyncGenerator<DecodedChunk> {
  const { workers, signal, ...decode } = options;
  return decodeChunks(path, workers, signal, onProblem, {
    inThread: () => new ChunkDecoder(decode),
    pool: (size) => leasePool(size, { kind: 'records', options: decode }, unpackChunk),
  });
}

/** As decodeEvtxFile, with every record decoded straight to its event. */
export function decodeEvtxEvents(
  path: string,
  options: EvtxEventFileOptions,
  onProblem: (problem: EvtxProblem) => void,
): AsyncGenerator<EventChunk> {
  const { workers, signal, ...decode } = options;
  return decodeChunks(path, workers, signal, onProblem, {
    inThread: () => new EventChunkDecoder(decode),
    pool: (size) => leasePool(size, { kind: 'events', options: decode }, unpackEvents),
  });
}

async function* decodeChunks<T>(
  path: string,
  workers: number,
  signal: AbortSignal | undefined,
  onProblem: (problem: EvtxProblem) => void,
  decoding: ChunkDecoding<T>,
): AsyncGenerator<T> {
  const file = await open(path, 'r');
  let pool: ChunkPool<T> | undefined;
  try {
    const slots = await readFileHeader(path, file, onProblem);
    if (workers > 0 && slots > 1) pool = decoding.pool(workers);
    const decoder = pool === undefined ? decoding.inThread() : undefined;
    const pending: Promise<T>[] = [];
    const ahead = (pool?.size ?? 0) * CHUNKS_AHEAD_PER_WORKER;
    for await (const block of readBlocks(file, slots, signal)) {
      for (let i = 0; i < block.chunks; i++) {
        if (signal?.aborted) return;
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
          if (pending.length >= ahead) yield await (pending.shift() as Promise<T>);
        }
      }
    }
    while (pending.length > 0) {
      if (signal?.aborted) return;
      yield await (pending.shift() as Promise<T>);
    }
  } finally {
    pool?.release();
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

/**
 * The chunk slots in blocks of CHUNKS_PER_READ, reading one block ahead. Two buffers take turns
 * (a fresh 1 MiB buffer per read made the garbage collector run full collections for their
 * external memory): a block's bytes are overwritten two blocks later, by which time every chunk
 * in it was decoded into strings or copied for a worker.
 */
async function* readBlocks(
  file: FileHandle,
  slots: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Block> {
  const buffers: Buffer[] = [];
  const read = async (firstIndex: number, turn: number): Promise<Block> => {
    const chunks = Math.min(CHUNKS_PER_READ, slots - firstIndex);
    let buffer = buffers[turn];
    if (buffer === undefined || buffer.length < chunks * CHUNK_SIZE) {
      buffer = Buffer.allocUnsafeSlow(chunks * CHUNK_SIZE);
      buffers[turn] = buffer;
    }
    const { bytesRead } = await file.read(
      buffer,
      0,
      chunks * CHUNK_SIZE,
      FILE_HEADER_SIZE + firstIndex * CHUNK_SIZE,
    );
    return {
      firstIndex,
      chunks: Math.ceil(bytesRead / CHUNK_SIZE),
      bytes: buffer.subarray(0, bytesRead),
    };
  };
  let next = slots > 0 ? read(0, 0) : undefined;
  let turn = 0;
  for (let first = 0; next !== undefined && !signal?.aborted; first += CHUNKS_PER_READ) {
    const block = await next;
    turn ^= 1;
    next = first + CHUNKS_PER_READ < slots ? read(first + CHUNKS_PER_READ, turn) : undefined;
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
