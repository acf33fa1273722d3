// Temporary files that hold what a hunt must not keep in memory (spooled findings, risk events).
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * A file only this process can reach: created in a private folder and unlinked at once, so it
 * goes with the process whatever happens (where the system cannot unlink an open file, it is
 * removed at exit).
 */
export function openTemporary(dir: string, name: string): number {
  const folder = mkdtempSync(path.join(dir, 'spelunk-'));
  const file = path.join(folder, name);
  const fd = openSync(file, 'w+', 0o600);
  try {
    unlinkSync(file);
    rmSync(folder, { recursive: true, force: true });
  } catch {
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return fd;
}

/**
 * Closes a holder's file once nothing refers to the holder, so a long-running process (the
 * server) does not keep one per hunt.
 */
export const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));
