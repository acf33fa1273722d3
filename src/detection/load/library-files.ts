// The macro and lookup files a search library names beside the content directories (`--macros`,
// `--lookups`), found so that the content loader reads them as it reads macros/ and lookups/.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { DiscoveredFile } from './discover-files.ts';
import { listFiles } from './list-files.ts';

/** One library file, in the order given: ESCU YAML (read with the content schema) or a .conf file. */
export type LibraryFile =
  | { readonly format: 'yaml'; readonly file: DiscoveredFile }
  | { readonly format: 'conf'; readonly root: string; readonly path: string };

export interface LibraryFiles {
  /** ESCU `macros/*.yml` files and `macros.conf` files. */
  readonly macros: readonly LibraryFile[];
  /** ESCU `lookups/*.yml` definitions and `transforms.conf` files. */
  readonly lookups: readonly LibraryFile[];
  /** CSV files by file name (`| lookup users.csv`); a later directory wins. */
  readonly csvFiles: ReadonlyMap<string, string>;
}

/**
 * A macro path is a file or a directory (read recursively) of `*.yml`/`*.yaml` and `*.conf`. A
 * lookup directory is an ESCU `lookups/` folder (`*.yml` + `*.csv`), a folder of CSV files, or a
 * Splunk app (`default/`, `local/` with `transforms.conf`, `lookups/` with the CSV files).
 */
export function discoverLibraryFiles(
  macroPaths: readonly string[],
  lookupDirs: readonly string[],
  diagnostics: Diagnostic[],
): LibraryFiles {
  const macros: LibraryFile[] = [];
  for (const root of macroPaths) {
    const stat = statOf(root);
    if (stat === undefined) {
      diagnostics.push(
        error(CONTENT_CODES.unreadable, 'no such macro file or directory', { location: root }),
      );
      continue;
    }
    const files = stat.isDirectory() ? listFiles(root, true, diagnostics) : [root];
    for (const file of files) {
      if (/\.ya?ml$/i.test(file)) macros.push(yamlFile(root, 'macro', file));
      else if (/\.conf$/i.test(file)) macros.push({ format: 'conf', root, path: file });
      else if (file === root) {
        diagnostics.push(
          error(CONTENT_CODES.unreadable, 'a macro file is ESCU YAML (.yml) or macros.conf', {
            location: root,
          }),
        );
      }
    }
  }
  const lookups: LibraryFile[] = [];
  const csvFiles = new Map<string, string>();
  for (const root of lookupDirs) {
    if (!statOf(root)?.isDirectory()) {
      diagnostics.push(
        error(CONTENT_CODES.unreadable, 'lookup directory does not exist', { location: root }),
      );
      continue;
    }
    for (const dir of [root, ...['default', 'local', 'lookups'].map((d) => path.join(root, d))]) {
      if (dir !== root && !statOf(dir)?.isDirectory()) continue;
      for (const file of listFiles(dir, false, diagnostics)) {
        const name = path.basename(file);
        if (/\.csv(\.gz)?$/i.test(name)) csvFiles.set(name, file);
        else if (/\.ya?ml$/i.test(name)) lookups.push(yamlFile(root, 'lookup', file));
        else if (name.toLowerCase() === 'transforms.conf')
          lookups.push({ format: 'conf', root, path: file });
      }
    }
  }
  return { macros, lookups, csvFiles };
}

function yamlFile(root: string, kind: 'macro' | 'lookup', file: string): LibraryFile {
  return { format: 'yaml', file: { root, kind, path: file } };
}

function statOf(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Reads a library `.conf` file and parses it with `read`, counting it as loaded or failed (failed
 * when it cannot be read or has an error); problems go to `diagnostics`.
 */
export function readConfFile<T extends { readonly diagnostics: readonly Diagnostic[] }>(
  file: string,
  read: (text: string) => T,
  diagnostics: Diagnostic[],
  counts: { loaded: number; failed: number },
): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    counts.failed++;
    diagnostics.push(
      error(CONTENT_CODES.unreadable, `cannot read file: ${(cause as Error).message}`, {
        location: file,
      }),
    );
    return undefined;
  }
  const parsed = read(text);
  diagnostics.push(...parsed.diagnostics);
  counts[parsed.diagnostics.some((d) => d.severity === 'error') ? 'failed' : 'loaded']++;
  return parsed;
}
