// Streams an EVTX file chunk by chunk: file header checks, chunk reads, in-thread or parallel decoding.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DiagnosticError, error } from '../../core/index.ts';
import { yieldToEventLoop } from '../input/event-loop-turn.ts';
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

/** How chunks are decoded: on this thread (a decoder to give back), or by worker threads. */
interface ChunkDecoding<T> {
  inThread(): InThreadDecoder<T>;
  pool(size: number): ChunkPool<T>;
}

interface InThreadDecoder<T> {
  decode(bytes: Uint8Array, index: number, fileOffset: number): T;
  /** Done with this file: the decoder may serve the next one. */
  release?(): void;
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
    inThread: () => leaseEventDecoder(decode),
    pool: (size) => leasePool(size, { kind: 'events', options: decode }, unpackEvents),
  });
}

/**
 * Event decoders of files read before, by their options: a decoder's planner and value buffers
 * cost more to set up than a small file takes to decode. Decoders keep no state of a file
 * between chunks that a later file could see (compiled templates are shared per thread anyway).
 */
const spareDecoders = new Map<string, EventChunkDecoder[]>();
const SPARE_DECODERS = 4;

function leaseEventDecoder(options: EventDecodeOptions): InThreadDecoder<EventChunk> {
  const key = JSON.stringify(options);
  let spare = spareDecoders.get(key);
  const decoder = spare?.pop() ?? new EventChunkDecoder(options);
  return {
    decode: (bytes, index, fileOffset) => decoder.decode(bytes, index, fileOffset),
    release() {
      if (spare === undefined) {
        if (spareDecoders.size >= SPARE_DECODERS) spareDecoders.clear();
        spare = [];
        spareDecoders.set(key, spare);
      }
      if (spare.length < SPARE_DECODERS) spare.push(decoder);
    },
  };
}

async function* decodeChunks<T>(
  path: string,
  workers: number,
  signal: AbortSignal | undefined,
  onProblem: (problem: EvtxProblem) => void,
  decoding: ChunkDecoding<T>,
): AsyncGenerator<T> {
  // Small files are read with blocking calls: the event loop gets its turn once per file.
  await yieldToEventLoop();
  const small = readSmallFile(path);
  const file = small === undefined ? await open(path, 'r') : undefined;
  let pool: ChunkPool<T> | undefined;
  let decoder: InThreadDecoder<T> | undefined;
  try {
    let slots: number;
    let blocks: AsyncIterable<Block> | Iterable<Block>;
    if (small !== undefined) {
      slots = checkFileHeader(path, small.bytes, small.bytes.length, onProblem);
      const body = small.bytes.subarray(FILE_HEADER_SIZE);
      blocks = [{ firstIndex: 0, chunks: Math.ceil(body.length / CHUNK_SIZE), bytes: body }];
    } else {
      const opened = file as FileHandle;
      const size = (await opened.stat()).size;
      const head = Buffer.alloc(Math.min(size, FILE_HEADER_SIZE));
      await opened.read(head, 0, head.length, 0);
      slots = checkFileHeader(path, head, size, onProblem);
      blocks = readBlocks(opened, slots, signal);
    }
    if (workers > 0 && slots > 1) pool = decoding.pool(workers);
    decoder = pool === undefined ? decoding.inThread() : undefined;
    const pending: Promise<T>[] = [];
    const ahead = (pool?.size ?? 0) * CHUNKS_AHEAD_PER_WORKER;
    for await (const block of blocks) {
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
    decoder?.release?.();
    if (small !== undefined) releaseBlock(small.buffer);
    await file?.close();
  }
}

/**
 * Files up to one read block (header and 16 chunks: the evidence collections' small logs, the
 * split files of a triage collection) are read whole, with blocking calls: a read through the
 * thread pool costs a round trip each (open, stat, header, chunks, close), and for hundreds of
 * small files those waits took longer than decoding them.
 */
function readSmallFile(path: string): { bytes: Buffer; buffer: Buffer } | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > FILE_HEADER_SIZE + CHUNKS_PER_READ * CHUNK_SIZE) return undefined;
    const buffer = acquireBlock();
    let length = 0;
    while (length < size) {
      const read = readSync(fd, buffer, length, size - length, length);
      if (read === 0) break;
      length += read;
    }
    return { bytes: buffer.subarray(0, length), buffer };
  } finally {
    closeSync(fd);
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
    if (buffer === undefined) {
      buffer = acquireBlock();
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
  try {
    for (let first = 0; next !== undefined && !signal?.aborted; first += CHUNKS_PER_READ) {
      const block = await next;
      turn ^= 1;
      next = first + CHUNKS_PER_READ < slots ? read(first + CHUNKS_PER_READ, turn) : undefined;
      // The read ahead must not be left unobserved if the consumer stops here.
      next?.catch(() => undefined);
      yield block;
    }
  } finally {
    // A read still under way writes into its buffer: that one is not handed on.
    await next?.catch(() => undefined);
    for (const buffer of buffers) releaseBlock(buffer);
  }
}

/**
 * Block buffers of files read before, for the next file: a collection of hundreds of small files
 * allocated two 1 MiB buffers each, and their external memory made V8 run a full collection
 * every few dozen files. A block holds a small file whole (its header too).
 */
const spareBlocks: Buffer[] = [];
const SPARE_BLOCKS = 4;

function acquireBlock(): Buffer {
  return (
    spareBlocks.pop() ?? Buffer.allocUnsafeSlow(FILE_HEADER_SIZE + CHUNKS_PER_READ * CHUNK_SIZE)
  );
}

function releaseBlock(buffer: Buffer): void {
  if (spareBlocks.length < SPARE_BLOCKS) spareBlocks.push(buffer);
}

/** Checks the file header (its first bytes, `head`) and returns how many chunk slots the file holds. */
function checkFileHeader(
  path: string,
  head: Uint8Array,
  size: number,
  onProblem: (problem: EvtxProblem) => void,
): number {
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
