// What BinXML decoding needs from the chunk it is in: its bytes and its per-chunk caches.
import { ByteReader } from '../byte-reader.ts';
import type { EvtxDecodeError } from '../decode-error.ts';
import type { Template } from './program.ts';

/**
 * Names and template definitions are referenced by chunk offset, so they are cached per chunk:
 * a template is compiled once per chunk however many records use it.
 */
export interface ChunkContext {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** The whole chunk; structure reads are checked against it. */
  readonly reader: ByteReader;
  readonly names: Map<number, string>;
  readonly templates: Map<number, Template | EvtxDecodeError>;
}

export function createChunkContext(bytes: Uint8Array): ChunkContext {
  const reader = new ByteReader(bytes);
  return { bytes, view: reader.view, reader, names: new Map(), templates: new Map() };
}
