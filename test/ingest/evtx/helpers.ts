// Shared test helpers: decode a whole in-memory EVTX file, write one to a temp directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ChunkDecodeOptions, ChunkDecoder } from '../../../src/ingest/evtx/decode-chunk.ts';
import type { DecodedRecord, EvtxProblem } from '../../../src/ingest/evtx/decoded.ts';

export interface DecodedFile {
  readonly records: DecodedRecord[];
  readonly problems: EvtxProblem[];
}

/** Decodes the chunks of an in-memory file (after its 4096-byte header). */
export function decodeChunks(
  file: Uint8Array,
  options: Partial<ChunkDecodeOptions> = {},
): DecodedFile {
  const decoder = new ChunkDecoder({
    parts: options.parts ?? true,
    xml: options.xml,
    recover: options.recover ?? false,
  });
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.length);
  const records: DecodedRecord[] = [];
  const problems: EvtxProblem[] = [];
  for (let index = 0, at = 4096; at < bytes.length; index++, at += 0x10000) {
    const chunk = decoder.decode(bytes.subarray(at, at + 0x10000), index, at);
    records.push(...chunk.records);
    problems.push(...chunk.problems);
  }
  return { records, problems };
}

let dir: string | undefined;

/** Writes `bytes` to a fresh file in a per-process temp directory; returns its path. */
export function tempFile(name: string, bytes: Uint8Array): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'spelunk-evtx-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
