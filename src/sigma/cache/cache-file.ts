// The cache file: one header line (format, key, size and hash of the payload), then the payload
// (JSON). Written to a temporary file and renamed, so a reader never sees half a file; read back
// only when the key matches and the payload's hash proves it whole.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const newline = bytes.indexOf(10);
  if (newline < 0) return { kind: 'corrupt', reason: 'no header' };
  let header: CacheHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline)) as CacheHeader;
  } catch {
    return { kind: 'corrupt', reason: 'the header is not JSON' };
  }
  if (header.magic !== MAGIC) return { kind: 'corrupt', reason: 'not a spelunk cache file' };
  if (header.format !== CACHE_FORMAT || header.key !== key) return { kind: 'stale' };
  const payload = bytes.subarray(newline + 1);
  if (payload.length !== header.bytes) return { kind: 'corrupt', reason: 'truncated' };
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256)
    return { kind: 'corrupt', reason: 'its content does not match its checksum' };
  try {
    return { kind: 'hit', payload: JSON.parse(payload.toString('utf8')) };
  } catch {
    return { kind: 'corrupt', reason: 'the payload is not JSON' };
  }
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
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
    renameSync(temporary, file);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw cause;
  }
}
