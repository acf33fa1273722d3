// What a conformance section is and what it is given: the public corpus, read-only, beside the repo.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/corpus` beside the repository, or `$SPELUNK_CORPUS`. */
export const CORPUS_DIR = path.resolve(
  process.env['SPELUNK_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'),
);

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

export function corpusPath(...parts: string[]): string {
  return path.join(CORPUS_DIR, ...parts);
}

/** The files under `dir` whose names end with `extension`, each directory's entries sorted. */
export function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return filesUnder(full, extension);
      return name.endsWith(extension) ? [full] : [];
    });
}

export interface ConformanceResult {
  /**
   * Problems that mean the project is broken (a crash, a seed that no longer runs), as opposed to
   * corpus items we do not support yet, which are counted and explained but do not fail the run.
   */
  readonly hardFailures: readonly string[];
}

export interface ConformanceSection {
  /** Short name used to pick sections: `npm run conformance -- spl-parse`. */
  readonly name: string;
  readonly description: string;
  /** Prints its counts to stdout; returns the hard failures. */
  run(): Promise<ConformanceResult>;
}
