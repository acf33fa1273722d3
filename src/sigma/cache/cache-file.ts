// The cache file: one header line (format, key, size and hash of the payload), then the payload
// (JSON). Written to a temporary file and renamed, so a reader never sees half a file; read back
// only when the key matches and the payload's hash proves it whole.
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { CACHE_FORMAT } from './cache-key.ts';

const MAGIC = 'spelunk-sigma-cache';

/** A cache file's first line, as read (unchecked). */
export interface CacheHeader {
  readonly magic?: unknown;
  readonly format?: unknown;
  readonly key?: unknown;
  readonly bytes?: unknown;
  readonly sha256?: unknown;
}

export type CacheRead =
  | { readonly kind: 'hit'; readonly payload: unknown }
  | { readonly kind: 'absent' }
  /** A whole cache of other rules, mapping or code: replaced, no warning. */
  | { readonly kind: 'stale' }
  | { readonly kind: 'corrupt'; readonly reason: string };

export function readCacheFile(file: string, key: string): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'corrupt', reason: (cause as Error).message };
  }
  const checked = checkCacheBytes(bytes, MAGIC, key);
  if (checked.kind !== 'whole') return checked;
  try {
    return { kind: 'hit', payload: JSON.parse(bytes.toString('utf8', checked.payload)) };
  } catch {
    return { kind: 'corrupt', reason: 'the payload is not JSON' };
  }
}

export type CacheBytesCheck =
  | { readonly kind: 'whole'; readonly header: CacheHeader; readonly payload: number }
  | { readonly kind: 'stale' }
  | { readonly kind: 'corrupt'; readonly reason: string };

/**
 * The header line of a cache file's `bytes` checked: its magic, format and key, then the
 * payload's size and SHA-256 (which also covers `hashed(header)` when given, for headers that
 * carry data the payload depends on). `payload` is where the payload starts.
 */
export function checkCacheBytes(
  bytes: Uint8Array,
  magic: string,
  key: string,
  hashed?: (header: CacheHeader) => string | null,
): CacheBytesCheck {
  const newline = bytes.indexOf(10);
  if (newline < 0) return { kind: 'corrupt', reason: 'no header' };
  let header: CacheHeader;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, newline).toString('utf8'));
  } catch {
    return { kind: 'corrupt', reason: 'the header is not JSON' };
  }
  if (header.magic !== magic) return { kind: 'corrupt', reason: `not a ${magic} file` };
  if (header.format !== CACHE_FORMAT || header.key !== key) return { kind: 'stale' };
  const prefix = hashed === undefined ? '' : hashed(header);
  if (prefix === null) return { kind: 'corrupt', reason: 'its header is damaged' };
  const payload = newline + 1;
  if (bytes.length - payload !== header.bytes) return { kind: 'corrupt', reason: 'truncated' };
  const sum = createHash('sha256').update(prefix).update(bytes.subarray(payload)).digest('hex');
  if (sum !== header.sha256)
    return { kind: 'corrupt', reason: 'its content does not match its checksum' };
  return { kind: 'whole', header, payload };
}

/** Throws when the folder or file cannot be written. */
export function writeCacheFile(file: string, key: string, payload: unknown): void {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const header = JSON.stringify({
    magic: MAGIC,
    format: CACHE_FORMAT,
    key,
    bytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  });
  writeFileAtomically(file, [`${header}\n`, body]);
}

/**
 * `parts` written to a temporary file renamed over `file`, so a reader never sees half a file
 * (the name carries a random part: a hunt's Sigma worker shares the process id). Throws when
 * the folder or file cannot be written, leaving no temporary file behind.
 */
export function writeFileAtomically(file: string, parts: readonly (string | Uint8Array)[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of parts) {
        const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw cause;
  }
}
