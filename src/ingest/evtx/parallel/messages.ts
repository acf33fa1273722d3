// The messages between the main thread and a chunk-decoding worker.
import type { ChunkDecodeOptions } from '../decode-chunk.ts';
import type { EventDecodeOptions } from '../event-decoder.ts';

/** What a worker decodes chunks into: records (parts and/or XML), or events. */
export type WorkerJob =
  | { readonly kind: 'records'; readonly options: ChunkDecodeOptions }
  | { readonly kind: 'events'; readonly options: EventDecodeOptions };

export interface WorkerRequest {
  readonly id: number;
  readonly index: number;
  readonly fileOffset: number;
  /** Transferred: the chunk is `buffer[start, start + length)`. */
  readonly buffer: ArrayBuffer;
  readonly start: number;
  readonly length: number;
}

/** `packed` is the job's packed chunk (PackedChunk or PackedEvents). */
export interface WorkerReply<P = unknown> {
  readonly id: number;
  readonly packed?: P;
  readonly error?: string;
}
