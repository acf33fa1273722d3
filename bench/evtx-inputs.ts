// Inputs of bench `evtx`: files of intact corpus chunks, built once into BENCH_TMP. A mix of every
// corpus file's chunks (hundreds of templates: a worst case for the compiled caches) and one
// channel's file (a Security log, which repeats a few dozen templates as real logs do).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from '../src/ingest/evtx/crc32.ts';
import { BENCH_TMP, REPO_ROOT } from './harness.ts';

export const CORPUS = path.resolve(
  process.env['SPELUNK_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'),
);
export const CHUNK = 0x10000;
/** The one-channel input cycles this corpus file's chunks. */
export const ONE_CHANNEL = path.join('evtx', 'omerbenamram-evtx-samples', 'security.evtx');

/** Whether libevtx exports the whole file (so that it can be timed on the same bytes). */
function libevtxReads(file: string): boolean {
  try {
    execFileSync('evtxexport', ['-f', 'xml', file], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Intact chunks of `file` (signature and both checksums right) not in `seen`. */
function intactChunks(file: string, seen: Set<number>): Buffer[] {
  const bytes = readFileSync(file);
  const chunks: Buffer[] = [];
  for (let at = 4096; at + CHUNK <= bytes.length; at += CHUNK) {
    const chunk = bytes.subarray(at, at + CHUNK);
    if (chunk.toString('latin1', 0, 8) !== 'ElfChnk\0') continue;
    const free = chunk.readUInt32LE(48);
    if (free < 512 || free > CHUNK || (chunk.readUInt32LE(120) & 4) !== 0) continue;
    const headerCrc = crc32(chunk, 128, 512, crc32(chunk, 0, 120));
    if (headerCrc !== chunk.readUInt32LE(124) || crc32(chunk, 512, free) !== chunk.readUInt32LE(52))
      continue;
    if (seen.has(headerCrc)) continue;
    seen.add(headerCrc);
    chunks.push(chunk);
  }
  return chunks;
}

/** The chunks, kept in BENCH_TMP so that later runs skip the libevtx screening. */
function cachedChunks(name: string, files: () => string[]): Buffer[] {
  const cache = path.join(BENCH_TMP, name);
  if (existsSync(cache)) {
    const bytes = readFileSync(cache);
    return Array.from({ length: bytes.length / CHUNK }, (_, i) =>
      bytes.subarray(i * CHUNK, (i + 1) * CHUNK),
    );
  }
  const seen = new Set<number>();
  const chunks = files().flatMap((file) => intactChunks(file, seen));
  if (chunks.length === 0) return chunks;
  mkdirSync(BENCH_TMP, { recursive: true });
  writeFileSync(cache, Buffer.concat(chunks));
  return chunks;
}

/** A file of `megabytes` MB cycling through `chunks`, with a valid file header. */
function buildFile(name: string, chunks: readonly Buffer[], megabytes: number): string {
  const file = path.join(BENCH_TMP, name);
  const count = Math.floor((megabytes * 1e6) / CHUNK);
  if (existsSync(file) && statSync(file).size === 4096 + count * CHUNK) return file;
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(BigInt(count - 1), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(count & 0xffff, 42);
  header.writeUInt32LE(crc32(header, 0, 120), 124);
  const body = Buffer.allocUnsafe(count * CHUNK);
  for (let i = 0; i < count; i++) (chunks[i % chunks.length] as Buffer).copy(body, i * CHUNK);
  mkdirSync(BENCH_TMP, { recursive: true });
  writeFileSync(file, Buffer.concat([header, body]));
  return file;
}

export interface BenchInput {
  readonly label: string;
  readonly file: string;
}

/**
 * Intact chunks of every corpus EVTX file libevtx reads in full, deduplicated, cycled (undefined
 * when there are none: libevtx screens the files, so without it there are none).
 */
export function mixInput(megabytes: number): BenchInput | undefined {
  const chunks = cachedChunks('evtx-chunks.bin', () =>
    readdirSync(path.join(CORPUS, 'evtx'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.evtx'))
      .sort()
      .map((name) => path.join(CORPUS, 'evtx', name))
      .filter(libevtxReads),
  );
  if (chunks.length === 0) return undefined;
  return {
    label: `mix of ${chunks.length} distinct chunks from every corpus file`,
    file: buildFile(`evtx-mix-${megabytes}m.evtx`, chunks, megabytes),
  };
}

/** The chunks of one Security log, cycled: what a host's Security.evtx holds (undefined if absent). */
export function oneChannelInput(megabytes: number): BenchInput | undefined {
  const source = path.join(CORPUS, ONE_CHANNEL);
  if (!existsSync(source)) return undefined;
  const chunks = cachedChunks('evtx-security-chunks.bin', () => [source]);
  return {
    label: `one channel: ${ONE_CHANNEL}'s ${chunks.length} chunks cycled`,
    file: buildFile(`evtx-security-${megabytes}m.evtx`, chunks, megabytes),
  };
}
