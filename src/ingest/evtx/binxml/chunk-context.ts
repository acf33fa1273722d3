// What BinXML decoding needs from the chunk it is in: its bytes, its caches, the reader's templates.
import { ByteReader } from '../byte-reader.ts';
import type { EvtxDecodeError } from '../decode-error.ts';
import type { Template } from './program.ts';
import { TemplateCache } from './template-cache.ts';

/**
 * Names and template definitions are referenced by chunk offset, so they are looked up per chunk;
 * the compiled templates behind them come from the reader's `TemplateCache`, shared by chunks.
 */
export interface ChunkContext {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** The whole chunk; structure reads are checked against it. */
  readonly reader: ByteReader;
  readonly names: Map<number, string>;
  readonly templates: Map<number, Template | EvtxDecodeError>;
  readonly cache: TemplateCache;
}

export function createChunkContext(
  bytes: Uint8Array,
  cache: TemplateCache = new TemplateCache(),
): ChunkContext {
  const reader = new ByteReader(bytes);
  return { bytes, view: reader.view, reader, names: new Map(), templates: new Map(), cache };
}
