// Resolves the lookup names a search uses to definitions and tables; tables are read once, on first use.
import { readFileSync } from 'node:fs';
import { type Diagnostic, error } from '../../core/index.ts';
import { fileLookupDefinition, type LookupDefinition } from './lookup-definition.ts';
import { emptyLookupTable, type LookupTable, readLookupCsv } from './lookup-table.ts';

export interface ResolvedLookup {
  readonly definition: LookupDefinition;
  readonly table: LookupTable;
}

/** What operators ask for a lookup by name (`lookup <name>`, `inputlookup <name>`). */
export interface LookupProvider {
  /** The definition and table behind `name`, or a diagnostic without a span (the caller adds it). */
  resolve(name: string): ResolvedLookup | Diagnostic;
}

export interface LookupStoreInput {
  readonly definitions: readonly LookupDefinition[];
  /** Lookup file name (`users.csv`) → path on disk. */
  readonly files: ReadonlyMap<string, string>;
  /** Reads a file; injectable for tests. Defaults to readFileSync. */
  readonly readFile?: (path: string) => Uint8Array;
}

export interface LookupStore extends LookupProvider {
  readonly definitions: readonly LookupDefinition[];
  readonly files: ReadonlyMap<string, string>;
}

/** Splunk resolves a definition name first, then a file name (Search Reference, lookup/inputlookup). */
export function createLookupStore(input: LookupStoreInput): LookupStore {
  const byName = new Map(input.definitions.map((d) => [d.name, d]));
  const readFile = input.readFile ?? ((path: string) => readFileSync(path));
  const tables = new Map<string, LookupTable | Diagnostic>();

  const loadFile = (filename: string): LookupTable | Diagnostic => {
    const cached = tables.get(filename);
    if (cached) return cached;
    const path = input.files.get(filename);
    let loaded: LookupTable | Diagnostic;
    if (path === undefined) {
      loaded = error('LKP302', `lookup file "${filename}" is not in any lookup directory`);
    } else {
      try {
        const read = readLookupCsv(readFile(path), path);
        loaded = read.ok ? read.value : (read.diagnostics[0] as Diagnostic);
      } catch (cause) {
        loaded = error('LKP205', `cannot read lookup file: ${(cause as Error).message}`, {
          location: path,
        });
      }
    }
    tables.set(filename, loaded);
    return loaded;
  };

  const tableOf = (definition: LookupDefinition): LookupTable | Diagnostic => {
    const { backing } = definition;
    switch (backing.kind) {
      case 'file':
        return loadFile(backing.filename);
      case 'collection':
        return emptyLookupTable(backing.collection, backing.fields);
      case 'unsupported':
        return error(
          'LKP303',
          `lookup "${definition.name}" is ${backing.what}; spelunk cannot run it`,
          { location: definition.origin },
        );
    }
  };

  return {
    definitions: input.definitions,
    files: input.files,
    resolve(name) {
      const definition =
        byName.get(name) ?? (input.files.has(name) ? fileLookupDefinition(name) : undefined);
      if (definition === undefined) {
        return error('LKP301', `unknown lookup "${name}"`, {
          notes: [
            {
              message:
                byName.size + input.files.size === 0
                  ? 'no lookups are loaded: pass --lookups <dir>'
                  : `looked in ${byName.size} definition(s) and ${input.files.size} file(s)`,
            },
          ],
        });
      }
      const table = tableOf(definition);
      return 'severity' in table ? table : { definition, table };
    },
  };
}

/** A provider with no lookups: every name is unknown. */
export const NO_LOOKUPS: LookupProvider = createLookupStore({ definitions: [], files: new Map() });
