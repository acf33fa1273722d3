// gzip, member by member (RFC 1952), keeping every byte decompressed before damage.
//
// Node's Gunzip stream handles several members itself, but when a member is followed by
// garbage, or the stream breaks, it throws away the output of the call that met the damage (up
// to a whole read chunk of events). Here the header and trailer are parsed by hand and each
// member's deflate data goes to a raw inflater, so the data ends exactly where the damage
// starts; what is wrong is told through `damage()` instead of thrown.
import { createInflateRaw, constants as zlibConstants } from 'node:zlib';
import { crc32 } from '../evtx/crc32.ts';

/** Compressed bytes handed to the inflater at once: what a corrupt block can cost. */
const SLICE = 16 * 1024;
/** A gzip header longer than this (file name, comment, extra field) is taken as damage. */
const MAX_HEADER = 64 * 1024;

export interface Gunzipped {
  readonly chunks: AsyncIterable<Uint8Array>;
  /** What was wrong with the stream, once `chunks` has ended; undefined when nothing was. */
  damage(): string | undefined;
}

export function gunzip(source: AsyncIterable<Uint8Array>, chunkSize: number): Gunzipped {
  let damage: string | undefined;
  const input = new ByteQueue(source);
  async function* members(): AsyncGenerator<Uint8Array> {
    try {
      for (let member = 0; ; member++) {
        if (member > 0) {
          const rest = await input.peek(2);
          if (rest.length === 0) return;
          if (rest[0] !== 0x1f || rest[1] !== 0x8b) {
            // Zero padding after the last member is common (tape blocks, dd) and harmless.
            if (!(await input.onlyZerosLeft()))
              damage = 'data after the end of the gzip stream was not read';
            return;
          }
        }
        const header = await readHeader(input);
        if (typeof header === 'string') {
          damage = header;
          return;
        }
        const check = { crc: 0, size: 0 };
        const body = yield* inflateMember(input, chunkSize, check);
        if (body !== undefined) {
          damage = body;
          return;
        }
        const trailer = await input.take(8);
        if (trailer.length < 8) {
          damage = 'the gzip stream is truncated (its last member has no trailer)';
          return;
        }
        const view = Buffer.from(trailer);
        if (view.readUInt32LE(0) !== check.crc || view.readUInt32LE(4) !== check.size) {
          // Deflate data can be damaged and still decode: the member's checksum tells.
          damage = `the gzip stream is corrupt (member ${member + 1} fails its checksum: the events read from it may be wrong)`;
          return;
        }
      }
    } finally {
      await input.close();
    }
  }
  return { chunks: members(), damage: () => damage };
}

/** Reads one member's header; a string says what is wrong. */
async function readHeader(input: ByteQueue): Promise<true | string> {
  const fixed = await input.take(10);
  if (fixed.length < 10) return 'the gzip stream is truncated (in a member header)';
  if (fixed[0] !== 0x1f || fixed[1] !== 0x8b || fixed[2] !== 8)
    return 'the gzip stream is corrupt (bad member header)';
  const flags = fixed[3] as number;
  let length = 10;
  if (flags & 4) {
    const size = await input.take(2);
    if (size.length < 2) return 'the gzip stream is truncated (in a member header)';
    const extra = (size[0] as number) | ((size[1] as number) << 8);
    if ((await input.take(extra)).length < extra)
      return 'the gzip stream is truncated (in a member header)';
    length += 2 + extra;
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    // A zero-terminated file name or comment.
    for (;;) {
      const byte = await input.take(1);
      if (byte.length === 0) return 'the gzip stream is truncated (in a member header)';
      if (++length > MAX_HEADER) return 'the gzip stream is corrupt (member header too long)';
      if (byte[0] === 0) break;
    }
  }
  if (flags & 2 && (await input.take(2)).length < 2) {
    return 'the gzip stream is truncated (in a member header)';
  }
  return true;
}

/**
 * Inflates one member's deflate data, yielding its output as it comes; the bytes after it stay
 * in `input`. Returns what was wrong, or undefined.
 */
async function* inflateMember(
  input: ByteQueue,
  chunkSize: number,
  check: { crc: number; size: number },
): AsyncGenerator<Uint8Array, string | undefined> {
  const inflater = createInflateRaw({ chunkSize, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const out: Uint8Array[] = [];
  let ended = false;
  let failure: Error | undefined;
  inflater.on('data', (chunk: Uint8Array) => {
    check.crc = crc32(chunk, 0, chunk.length, check.crc);
    check.size = (check.size + chunk.length) >>> 0;
    out.push(chunk);
  });
  inflater.on('end', () => {
    ended = true;
  });
  inflater.on('error', (error: Error) => {
    failure = error;
  });
  const settled = () =>
    new Promise<void>((resolve) => {
      if (ended || failure) resolve();
      else {
        inflater.once('end', resolve);
        inflater.once('error', () => resolve());
        inflater.once('close', () => resolve());
      }
    });
  let fed = 0;
  let lastSlice: Uint8Array = new Uint8Array();
  try {
    for (;;) {
      const slice = await input.take(SLICE, true);
      if (slice.length === 0) {
        inflater.end();
        await settled();
        yield* drain(out);
        return failure ? corrupt(failure) : 'the gzip stream is truncated';
      }
      lastSlice = slice;
      fed += slice.length;
      // The slice's output arrives before the write's callback; an error may come instead of it.
      await new Promise<void>((resolve) => {
        const done = () => {
          inflater.off('error', done);
          inflater.off('close', done);
          resolve();
        };
        inflater.once('error', done);
        inflater.once('close', done);
        inflater.write(slice, done);
      });
      yield* drain(out);
      if (failure) return corrupt(failure);
      // Input left unconsumed: the deflate data ended inside this slice.
      if (ended || inflater.bytesWritten < fed) break;
    }
  } finally {
    inflater.destroy();
  }
  // The bytes of the last slice the inflater did not consume follow the deflate data.
  const unused = fed - inflater.bytesWritten;
  if (unused > 0) input.unshift(lastSlice.subarray(lastSlice.length - unused));
  return undefined;
}

function* drain(out: Uint8Array[]): Generator<Uint8Array> {
  while (out.length > 0) yield out.shift() as Uint8Array;
}

function corrupt(error: Error): string {
  return `the gzip stream is corrupt (${error.message})`;
}

/** Bytes of an async source, taken in exact amounts. */
class ByteQueue {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private size = 0;
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Up to `n` bytes (fewer only at the end); with `some`, whatever is there, up to `n`. */
  async take(n: number, some = false): Promise<Uint8Array> {
    while (this.size < n && !this.done && !(some && this.size > 0)) await this.fill();
    const want = Math.min(n, this.size);
    const first = this.buffered[0];
    let taken: Uint8Array;
    if (first !== undefined && first.length >= want) {
      taken = first.subarray(0, want);
      if (first.length === want) this.buffered.shift();
      else this.buffered[0] = first.subarray(want);
    } else {
      const all = Buffer.concat(this.buffered);
      taken = all.subarray(0, want);
      this.buffered = want < all.length ? [all.subarray(want)] : [];
    }
    this.size -= want;
    return taken;
  }

  async peek(n: number): Promise<Uint8Array> {
    while (this.size < n && !this.done) await this.fill();
    return Buffer.concat(this.buffered).subarray(0, n);
  }

  unshift(bytes: Uint8Array): void {
    this.buffered.unshift(bytes);
    this.size += bytes.length;
  }

  /** Whether everything left is zero bytes (reads to the end to know). */
  async onlyZerosLeft(): Promise<boolean> {
    for (;;) {
      for (const chunk of this.buffered) if (chunk.some((b) => b !== 0)) return false;
      this.buffered = [];
      this.size = 0;
      if (this.done) return true;
      await this.fill();
    }
  }

  async close(): Promise<void> {
    if (!this.done) await this.iterator.return?.();
  }

  private async fill(): Promise<void> {
    const next = await this.iterator.next();
    if (next.done) {
      this.done = true;
      return;
    }
    this.buffered.push(next.value);
    this.size += next.value.length;
  }
}
