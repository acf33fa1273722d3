// Paths a command is given are checked before any work: a mistyped path is an error (exit 1)
// at once, not an empty result after a long run.
import { accessSync, constants, statSync } from 'node:fs';
import { ioReason } from '../../ingest/index.ts';

export interface GivenPath {
  /** The option that named it (`--sigma`), or undefined for an input path. */
  readonly option?: string;
  readonly path: string;
}

/** One `error: ...` line per path that does not exist or cannot be read; `-` is stdin. */
export function pathProblems(paths: readonly GivenPath[]): string[] {
  const problems: string[] = [];
  for (const { option, path } of paths) {
    if (path === '-' && option === undefined) continue;
    const what = option === undefined ? `input ${path}` : `${option} ${path}`;
    try {
      statSync(path);
      accessSync(path, constants.R_OK);
    } catch (cause) {
      problems.push(`error: ${what}: ${ioReason(cause as NodeJS.ErrnoException)}`);
    }
  }
  return problems;
}
