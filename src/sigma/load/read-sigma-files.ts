// Reads Sigma YAML files and directories (recursively) into source texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  const visit = (p: string, explicit: boolean): void => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(p);
    } catch (e) {
      diagnostics.push(
        error(SIGMA_CODES.unreadableFile, `cannot read ${p}: ${(e as Error).message}`, {
          location: p,
        }),
      );
      return;
    }
    if (stats.isDirectory()) {
      if (!explicit && options.walks?.(path.basename(p)) === false) return;
      for (const name of readdirSync(p).sort()) visit(path.join(p, name), false);
      return;
    }
    if (!explicit && !YAML_FILE.test(p)) return;
    try {
      sources.push({ name: p, text: readFileSync(p, 'utf8').replace(/^\uFEFF/, '') });
    } catch (e) {
      diagnostics.push(
        error(SIGMA_CODES.unreadableFile, `cannot read ${p}: ${(e as Error).message}`, {
          location: p,
        }),
      );
    }
  };
  for (const p of paths) visit(p, true);
  return { sources, diagnostics };
}
