// The messages between the main thread and a chunk-decoding worker.
import type { PackedChunk } from './packed-chunk.ts';

export interface WorkerRequest {
  readonly id: number;
  readonly index: number;
  readonly fileOffset: number;
  /** Transferred: the chunk is `buffer[start, start + length)`. */
  readonly buffer: ArrayBuffer;
  readonly start: number;
  readonly length: number;
}

export interface WorkerReply {
  readonly id: number;
  readonly chunk?: PackedChunk;
  readonly error?: string;
}
