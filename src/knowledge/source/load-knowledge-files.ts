// Loads knowledge paths (`--props <file|dir>`): props.conf, transforms.conf, their YAML form, and lookup CSVs beside them.
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, ownEntry, warning } from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { KnowledgeFile } from './knowledge-text.ts';
import { readConf } from './read-conf.ts';
import { readKnowledgeYaml } from './read-knowledge-yaml.ts';

export interface KnowledgeSources {
  /** In load order: for the same stanza and setting, a later file wins. */
  readonly files: readonly KnowledgeFile[];
  /** Lookup CSV files found beside the knowledge (`lookups/*.csv`): file name → path. */
  readonly lookupFiles: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Search-time knowledge spelunk does not apply; a directory holding them gets one warning each. */
const UNSUPPORTED_CONF: Readonly<Record<string, string>> = {
  'eventtypes.conf': 'event types are not applied (searches on eventtype= find nothing)',
  'tags.conf': 'tags are not applied (searches on tag= find nothing)',
  'fields.conf': 'fields.conf (indexed-field hints) is not used',
};

const MAX_DEPTH = 8;

/**
 * A directory is walked (sorted, so a Splunk app's `default/` loads before `local/` and its
 * settings lose to `local/` as in Splunk), taking `props.conf`, `transforms.conf`, `*.yml` /
 * `*.yaml` and `*.csv`. A file path is read by its name. One bad file never stops the others.
 */
export function loadKnowledgeSources(paths: readonly string[]): KnowledgeSources {
  const files: KnowledgeFile[] = [];
  const lookupFiles = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];

  const readOne = (file: string, explicit: boolean) => {
    const base = path.basename(file).toLowerCase();
    if (base.endsWith('.csv') || base.endsWith('.csv.gz')) {
      lookupFiles.set(path.basename(file), file);
      return;
    }
    const known =
      base.endsWith('props.conf') ||
      base.endsWith('transforms.conf') ||
      base.endsWith('.yml') ||
      base.endsWith('.yaml');
    if (!known) {
      const why = ownEntry(UNSUPPORTED_CONF, base);
      if (why) diagnostics.push(warning(KNOWLEDGE_CODES.unknownFile, why, { location: file }));
      else if (explicit)
        diagnostics.push(
          error(
            KNOWLEDGE_CODES.unknownFile,
            'not a knowledge file: expected props.conf, transforms.conf, a .yml/.yaml knowledge file or a lookup .csv',
            { location: file },
          ),
        );
      return;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      diagnostics.push(
        error(KNOWLEDGE_CODES.unreadable, `cannot read: ${(cause as Error).message}`, {
          location: file,
        }),
      );
      return;
    }
    const read = readKnowledgeText(text, file);
    files.push(...read.files);
    diagnostics.push(...read.diagnostics);
  };

  const walk = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (cause) {
      diagnostics.push(
        error(KNOWLEDGE_CODES.unreadable, `cannot read: ${(cause as Error).message}`, {
          location: dir,
        }),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Symbolic links to directories are not followed: a loop cannot make the walk endless.
      if (entry.isDirectory() && depth < MAX_DEPTH) walk(full, depth + 1);
      else if (entry.isFile()) readOne(full, false);
    }
  };

  for (const given of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(given).isDirectory();
    } catch (cause) {
      diagnostics.push(
        error(KNOWLEDGE_CODES.unreadable, `cannot read: ${(cause as Error).message}`, {
          location: given,
        }),
      );
      continue;
    }
    if (isDir) walk(given, 0);
    else readOne(given, true);
  }
  return { files, lookupFiles, diagnostics };
}

/** Reads one knowledge text by its file name: `*transforms.conf`, `*props.conf` or YAML. */
export function readKnowledgeText(
  text: string,
  file: string,
): { readonly files: readonly KnowledgeFile[]; readonly diagnostics: readonly Diagnostic[] } {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.yml') || base.endsWith('.yaml')) return readKnowledgeYaml(text, file);
  const read = readConf(text, file, base.endsWith('transforms.conf') ? 'transforms' : 'props');
  return { files: [read.file], diagnostics: read.diagnostics };
}
