// The CSV files in each content directory's lookups/ folder, by file name (a later directory wins).
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function csvFilesOf(roots: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const root of roots) {
    const dir = path.join(root, 'lookups');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (/\.csv(\.gz)?$/i.test(name)) files.set(name, path.join(dir, name));
    }
  }
  return files;
}
