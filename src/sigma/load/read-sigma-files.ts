// Reads Sigma YAML files and directories (recursively) into source texts.
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, type SourceText } from '../../core/index.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';

export interface SigmaFiles {
  readonly sources: readonly SourceText[];
  readonly diagnostics: readonly Diagnostic[];
}

const YAML_FILE = /\.ya?ml$/i;

export interface ReadSigmaOptions {
  /** Whether a folder met while walking a directory is read (by its name); default: all are. */
  readonly walks?: (folder: string) => boolean;
}

/**
 * Files are read as given; directories contribute their `.yml`/`.yaml` files, sorted, and the
 * folders below them that `walks` admits (a directory given is always read).
 */
export function readSigmaFiles(
  paths: readonly string[],
  options: ReadSigmaOptions = {},
): SigmaFiles {
  const sources: SourceText[] = [];
  const diagnostics: Diagnostic[] = [];
  const unreadable = (p: string, e: unknown) =>
    diagnostics.push(
      error(SIGMA_CODES.unreadableFile, `cannot read ${p}: ${(e as Error).message}`, {
        location: p,
      }),
    );
  const read = (p: string): void => {
    try {
      sources.push({ name: p, text: readFileSync(p, 'utf8').replace(/^\uFEFF/, '') });
    } catch (e) {
      unreadable(p, e);
    }
  };
  // Entries' types come with the listing: no stat per file (thousands of rules).
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable(dir, e);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(p))) {
        if (options.walks?.(entry.name) !== false) walk(p);
      } else if (YAML_FILE.test(entry.name)) read(p);
    }
  };
  const visit = (p: string): void => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(p);
    } catch (e) {
      unreadable(p, e);
      return;
    }
    if (stats.isDirectory()) walk(p);
    else read(p);
  };
  for (const p of paths) visit(p);
  return { sources, diagnostics };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
