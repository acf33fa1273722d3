// Writes an input that is not a plain file (stdin, decompressed gzip) to a temporary file, for
// readers that need random access (EVTX).
import { randomUUID } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ByteInput } from './byte-input.ts';

export interface SpooledFile {
  readonly path: string;
  remove(): Promise<void>;
}

export async function spoolToFile(input: ByteInput, extension: string): Promise<SpooledFile> {
  const file = path.join(tmpdir(), `spelunk-${randomUUID()}${extension}`);
  const handle = await open(file, 'wx', 0o600);
  const remove = () => unlink(file).catch(() => undefined);
  try {
    for await (const chunk of input.chunks()) await handle.write(chunk);
  } catch (error) {
    await handle.close();
    await remove();
    throw error;
  }
  await handle.close();
  return { path: file, remove };
}
