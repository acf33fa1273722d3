// Finds the files of each kind in an ESCU content directory (the layout contentctl builds from).
import { statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { ContentKind } from '../model/content-pack.ts';
import { listFiles } from './list-files.ts';

/** Each kind's folder, and whether its files may sit in sub-folders (`detections/endpoint/`). */
const LAYOUT: Readonly<Record<ContentKind, { readonly dir: string; readonly recursive: boolean }>> =
  {
    detection: { dir: 'detections', recursive: true },
    macro: { dir: 'macros', recursive: false },
    lookup: { dir: 'lookups', recursive: false },
    story: { dir: 'stories', recursive: false },
    data_source: { dir: 'data_sources', recursive: true },
    baseline: { dir: 'baselines', recursive: true },
  };

export interface DiscoveredFile {
  readonly root: string;
  readonly kind: ContentKind;
  /** The root joined with the file's path inside it: what diagnostics show. */
  readonly path: string;
}

export interface Discovered {
  readonly files: readonly DiscoveredFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export function discoverFiles(roots: readonly string[]): Discovered {
  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const root of roots) {
    if (!isDirectory(root)) {
      diagnostics.push(
        error(CONTENT_CODES.unreadable, 'content directory does not exist', { location: root }),
      );
      continue;
    }
    let found = false;
    for (const [kind, layout] of Object.entries(LAYOUT) as [
      ContentKind,
      (typeof LAYOUT)[ContentKind],
    ][]) {
      const dir = path.join(root, layout.dir);
      if (!isDirectory(dir)) continue;
      found = true;
      for (const file of yamlFiles(dir, layout.recursive, diagnostics)) {
        files.push({ root, kind, path: file });
      }
    }
    if (!found) {
      diagnostics.push(
        error(
          CONTENT_CODES.unreadable,
          `not an ESCU content directory: none of ${Object.values(LAYOUT)
            .map((l) => `${l.dir}/`)
            .join(', ')} is in it`,
          {
            location: root,
          },
        ),
      );
    }
  }
  return { files, diagnostics };
}

function yamlFiles(dir: string, recursive: boolean, diagnostics: Diagnostic[]): string[] {
  return listFiles(dir, recursive, diagnostics).filter((file) => /\.ya?ml$/i.test(file));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
