// Loads lookup directories: ESCU `*.yml` definitions, `transforms.conf` stanzas and the CSV files they name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import { readEscuLookupYaml } from './escu-lookup-yaml.ts';
import type { LookupDefinition } from './lookup-definition.ts';
import { createLookupStore, type LookupStore } from './lookup-store.ts';
import { readTransformsConf } from './transforms-conf.ts';

export interface LoadedLookups {
  readonly store: LookupStore;
  /** Every problem found; one bad file never stops the others. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Each directory may be an ESCU `lookups/` folder (`*.yml` + `*.csv`), a folder of CSV files, or a
 * Splunk app (`default/transforms.conf`, `local/transforms.conf`, `lookups/*.csv`). A definition
 * or file met again in a later directory replaces the earlier one, with a warning.
 */
export function loadLookupDirectories(directories: readonly string[]): LoadedLookups {
  const diagnostics: Diagnostic[] = [];
  const definitions = new Map<string, LookupDefinition>();
  const files = new Map<string, string>();

  const addDefinition = (definition: LookupDefinition) => {
    const previous = definitions.get(definition.name);
    if (previous) {
      diagnostics.push(
        warning('LKP121', `lookup "${definition.name}" is defined again; the later one wins`, {
          location: definition.origin,
          notes: [{ message: `first defined at ${previous.origin}` }],
        }),
      );
    }
    definitions.set(definition.name, definition);
  };

  const scan = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const lower = entry.name.toLowerCase();
      if (!entry.isFile()) continue;
      if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) {
        files.set(entry.name, full);
      } else if (lower.endsWith('.yml') || lower.endsWith('.yaml')) {
        const result = readEscuLookupYaml(readFileSync(full, 'utf8'), full);
        if ('severity' in result) diagnostics.push(result);
        else addDefinition(result);
      } else if (lower === 'transforms.conf') {
        const result = readTransformsConf(readFileSync(full, 'utf8'), full);
        diagnostics.push(...result.diagnostics);
        for (const definition of result.definitions) addDefinition(definition);
      }
    }
  };

  for (const dir of directories) {
    if (!isDirectory(dir)) {
      diagnostics.push(error('LKP120', 'lookup directory does not exist', { location: dir }));
      continue;
    }
    scan(dir);
    for (const sub of ['default', 'local', 'lookups']) {
      const nested = path.join(dir, sub);
      if (isDirectory(nested)) scan(nested);
    }
  }
  return {
    store: createLookupStore({ definitions: [...definitions.values()], files }),
    diagnostics,
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
