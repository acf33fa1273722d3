// BinXML names: a chunk offset pointing at (next offset, hash, length, UTF-16 text, NUL).
import type { ByteReader } from '../byte-reader.ts';
import { invalid } from '../decode-error.ts';
import type { ChunkContext } from './chunk-context.ts';

/** Bytes a name structure occupies before its text: next-name offset, hash, character count. */
export const NAME_HEADER_SIZE = 8;

export interface NameRef {
  readonly name: string;
  /** Where parsing continues: after the inline name when it was stored inline. */
  readonly next: number;
  /** The name structure follows the offset field (rather than living elsewhere in the chunk). */
  readonly inline: boolean;
}

/**
 * Reads the name offset field at `at` in `r`. When the offset points right after the field the
 * name is stored inline and parsing skips over it; otherwise it lives elsewhere in the chunk
 * (usually in an earlier record) and is found through the chunk.
 */
export function readNameRef(
  chunk: ChunkContext,
  r: ByteReader,
  at: number,
  field: string,
): NameRef {
  const offset = r.u32(at, field);
  const after = at + 4;
  const name = readName(chunk, offset, field);
  if (offset !== after) return { name, next: after, inline: false };
  const next = after + NAME_HEADER_SIZE + name.length * 2 + 2;
  r.need(after, next - after, `${field} (inline name)`);
  return { name, next, inline: true };
}

export function readName(chunk: ChunkContext, offset: number, field: string): string {
  const cached = chunk.names.get(offset);
  if (cached !== undefined) return cached;
  const count = chunk.reader.u16(offset + 6, `${field} (name length)`);
  const name = chunk.reader.utf16(offset + NAME_HEADER_SIZE, count, `${field} (name text)`);
  if (name.length === 0) invalid(field, offset, 'empty name');
  chunk.names.set(offset, name);
  return name;
}
