// Opens a file or stdin as a ByteInput: reads its head, unwraps gzip, detects the text encoding.
import { createReadStream } from 'node:fs';
import { dropBlankStart, startsBlank } from './blank-lines.ts';
import type { ByteInput, TextEncoding } from './byte-input.ts';
import { gunzip } from './gunzip.ts';

/**
 * Read size (also gunzip's output size). A chunk and its decoded text live until the reader has
 * made events of all of it; at 1 MiB that outlasted a young-generation collection whenever the
 * consumer did real work per event (a hunt), so V8 promoted the chunk's buffer and its 1 Mi-char
 * string (a large object) and kept them until a full collection: `npm run bench -- hunt` peaked
 * at 220-280 MB RSS over a live heap of about 30 MB. At 64 KiB both die young (peak about 120 MB)
 * and the readers' CPU time is unchanged.
 */
export const CHUNK_BYTES = 64 * 1024;
/** How much of the (decompressed) content sniffing sees. */
const HEAD_BYTES = 64 * 1024;
/** gzip inside gzip is unwrapped this many times at most. */
const MAX_GZIP_LAYERS = 3;

export type OpenedBytes =
  | { readonly kind: 'bytes'; readonly input: ByteInput }
  /** An archive or compression format we do not unwrap; `container` names it. */
  | { readonly kind: 'container'; readonly container: string };

export type ByteOrigin =
  | { readonly path: string; readonly filePath: string }
  | { readonly path: string; readonly stream: AsyncIterable<Uint8Array> };

/** Magic numbers of containers we refuse with a precise message instead of misreading them. */
const CONTAINERS: readonly (readonly [string, readonly number[]])[] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
];

/** Throws the underlying I/O error (ENOENT, EACCES, EISDIR) when the input cannot be read. */
export async function openBytes(origin: ByteOrigin): Promise<OpenedBytes> {
  const isFile = 'filePath' in origin;
  let chunks: AsyncIterable<Uint8Array> = isFile
    ? createReadStream(origin.filePath, { highWaterMark: CHUNK_BYTES })
    : origin.stream;
  let compressed = false;
  const layers: { damage(): string | undefined }[] = [];
  // The innermost damage first: it is what stopped the data.
  const damage = () => layers.reduceRight<string | undefined>((d, l) => d ?? l.damage(), undefined);
  for (let layer = 0; ; layer++) {
    const peeked = await peek(chunks);
    const { head } = peeked;
    if (startsWith(head, [0x1f, 0x8b]) && layer < MAX_GZIP_LAYERS) {
      const unzipped = gunzip(peeked.chunks, CHUNK_BYTES);
      layers.push(unzipped);
      chunks = unzipped.chunks;
      compressed = true;
      continue;
    }
    for (const [container, magic] of CONTAINERS) {
      if (startsWith(head, magic)) {
        await peeked.close();
        return { kind: 'container', container };
      }
    }
    const encoding = detectEncoding(head);
    const bom = byteOrderMarkLength(head, encoding);
    if (startsBlank(head, encoding, bom)) {
      // Blank lines of any length are dropped (counted) so the head holds the first record.
      const blank = dropBlankStart(peeked.chunks, encoding, bom);
      const content = await peek(blank.chunks);
      const input: ByteInput = {
        path: origin.path,
        filePath: undefined,
        compressed,
        encoding,
        head: content.head,
        skipped: blank.skipped(),
        damage,
        chunks: () => content.chunks,
        close: () => content.close(),
      };
      return { kind: 'bytes', input };
    }
    const input: ByteInput = {
      path: origin.path,
      filePath: isFile && !compressed ? origin.filePath : undefined,
      compressed,
      encoding,
      head,
      damage,
      chunks: () => peeked.chunks,
      close: () => peeked.close(),
    };
    return { kind: 'bytes', input };
  }
}

interface Peeked {
  readonly head: Uint8Array;
  /** The held chunks, then the rest. */
  readonly chunks: AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

async function peek(source: AsyncIterable<Uint8Array>): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    held.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(held).subarray(0, HEAD_BYTES);
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* held;
      held.length = 0;
      while (!done) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, chunks: replay(), close: async () => void (await iterator.return?.()) };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function byteOrderMarkLength(head: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return head[0] === mark[0] && head[1] === mark[1] ? 2 : 0;
}

/** By byte-order mark, or by the NUL bytes UTF-16 puts in ASCII text; UTF-8 otherwise. */
function detectEncoding(head: Uint8Array): TextEncoding {
  const [b0, b1] = head;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 4 && b0 !== 0 && b1 === 0 && head[2] !== 0 && head[3] === 0) return 'utf-16le';
  if (head.length >= 4 && b0 === 0 && b1 !== 0 && head[2] === 0 && head[3] !== 0) return 'utf-16be';
  return 'utf-8';
}
