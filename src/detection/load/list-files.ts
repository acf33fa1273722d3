// The files of a content or library directory, in one order on every machine.
import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';

/**
 * The files under `dir` (sub-directories too when `recursive`), in code-point order, so every
 * machine and locale reads (and reports) them in the same order. Linked directories are not
 * followed (no loops); linked files are listed. A directory that cannot be listed is reported.
 */
export function listFiles(dir: string, recursive: boolean, diagnostics: Diagnostic[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    diagnostics.push(
      error(CONTENT_CODES.unreadable, `cannot list directory: ${(cause as Error).message}`, {
        location: dir,
      }),
    );
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) files.push(...listFiles(full, recursive, diagnostics));
    } else files.push(full);
  }
  return files;
}
