// Bytes to text in chunks: UTF-8 or UTF-16 (by byte-order mark), the mark itself dropped.
import { StringDecoder } from 'node:string_decoder';
import type { ByteInput, TextEncoding } from '../input/byte-input.ts';

interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    // StringDecoder keeps a multi-byte character split across chunks; invalid bytes become U+FFFD.
    const decoder = new StringDecoder('utf8');
    return { write: (chunk) => decoder.write(chunk as Buffer), end: () => decoder.end() };
  }
  const decoder = new TextDecoder(encoding);
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

/**
 * Text pieces handed on, and the batch size readers aim for. Batches of a few hundred events
 * (rather than a thousand or more per 1 MiB read) are mostly garbage by the next young-generation
 * collection instead of being copied by it, which measurably lowered the JSON reader's cost.
 */
const TEXT_PIECE = 32 * 1024;
export const MIN_BATCH = 256;

/**
 * Thrown when a text input turns binary (a NUL byte in UTF-8 text: no JSON, XML or CSV holds
 * one): the text before it has been given, the rest is not read.
 */
export class BinaryContentError extends Error {
  readonly code = 'EBINARY';
  readonly offset: number;

  constructor(offset: number) {
    super(`binary content (a NUL byte) at byte ${offset}: the rest of the input is not read`);
    this.offset = offset;
  }
}

/** The input's bytes; UTF-8 input stops at its first NUL byte (BinaryContentError). */
export async function* textBytes(input: ByteInput): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for await (const chunk of input.chunks()) {
    const nul = input.encoding === 'utf-8' ? chunk.indexOf(0) : -1;
    if (nul >= 0) {
      if (nul > 0) yield chunk.subarray(0, nul);
      throw new BinaryContentError(offset + nul);
    }
    offset += chunk.length;
    yield chunk;
  }
}

/** The input's text in pieces of at most TEXT_PIECE characters (never empty strings). */
export async function* decodeText(input: ByteInput): AsyncGenerator<string> {
  const decoder = chunkDecoder(input.encoding);
  let first = true;
  for await (const chunk of textBytes(input)) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i += TEXT_PIECE) yield text.slice(i, i + TEXT_PIECE);
  }
  const rest = decoder.end();
  if (rest.length > 0) yield first && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest;
}

/** The head of the input as text, for sniffing (the byte-order mark dropped). */
export function decodeHead(input: Pick<ByteInput, 'encoding' | 'head'>): string {
  const text = new TextDecoder(input.encoding).decode(input.head, { stream: true });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
