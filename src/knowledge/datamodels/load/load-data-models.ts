// The data-model facade: built-in models and event types, then the user's mapping files (read → compile → provider).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, warning } from '../../../core/index.ts';
import { BUILTIN_DATA_MODELS } from '../cim/index.ts';
import { type CompiledDataModel, compileDataModel } from '../compile/compile-dataset.ts';
import { compileEventTypes, type LocatedEventType } from '../compile/compile-event-types.ts';
import { builtinText } from '../compile/parse-text.ts';
import { createDataModels, type DataModels } from '../data-model-provider.ts';
import { DATAMODEL_CODES } from '../datamodel-codes.ts';
import type { EventTypeSpec } from '../mappings/event-type.ts';
import { BUILTIN_EVENT_TYPES } from '../mappings/index.ts';
import { readMappingYaml } from './read-mapping-yaml.ts';

export interface LoadDataModelsOptions {
  /** Mapping files (`*.yml`, `*.yaml`) or directories of them, in precedence order. */
  readonly paths?: readonly string[];
  /** Include the built-in Windows event types (default true). */
  readonly builtin?: boolean;
}

export interface LoadedDataModels {
  readonly dataModels: DataModels;
  readonly diagnostics: readonly Diagnostic[];
}

let builtinModels: readonly CompiledDataModel[] | undefined;

/**
 * compile the built-in models (once per process) → read the mapping files → compile the event
 * types, a later definition of a name replacing an earlier one (a user's file may redefine a
 * built-in event type, or empty its tags to switch it off) → the provider. Never throws on bad
 * files: every problem is a diagnostic and the rest loads.
 */
export function loadDataModels(options: LoadDataModelsOptions = {}): LoadedDataModels {
  const diagnostics: Diagnostic[] = [];
  if (builtinModels === undefined) {
    const problems: Diagnostic[] = [];
    builtinModels = BUILTIN_DATA_MODELS.map((spec) => compileDataModel(spec, problems));
    if (problems.length > 0) {
      builtinModels = undefined;
      diagnostics.push(...problems);
    }
  }
  const located = new Map<string, LocatedEventType>();
  if (options.builtin !== false) {
    for (const spec of BUILTIN_EVENT_TYPES) located.set(spec.name, locateBuiltin(spec));
  }
  const userNames = new Set<string>();
  for (const file of mappingFiles(options.paths ?? [], diagnostics)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (caught) {
      diagnostics.push(unreadable(file, caught));
      continue;
    }
    const read = readMappingYaml(text, file);
    diagnostics.push(...read.diagnostics);
    for (const eventType of read.eventTypes) {
      const name = eventType.spec.name;
      if (userNames.has(name)) {
        diagnostics.push(
          warning(
            DATAMODEL_CODES.duplicateEventType,
            `event type ${name} is defined again; this definition replaces the earlier one`,
            { source: eventType.search.source, span: eventType.search.span },
          ),
        );
      }
      userNames.add(name);
      located.set(name, eventType);
    }
  }
  const compiled = compileEventTypes([...located.values()]);
  diagnostics.push(...compiled.diagnostics);
  return {
    dataModels: createDataModels(builtinModels ?? [], compiled.eventTypes),
    diagnostics,
  };
}

function locateBuiltin(spec: EventTypeSpec): LocatedEventType {
  return {
    spec,
    search: builtinText(`event type ${spec.name}`, spec.search),
    fields: new Map(
      Object.entries(spec.fields).map(([field, expression]) => [
        field,
        builtinText(`event type ${spec.name}, field ${field}`, expression),
      ]),
    ),
  };
}

/** Files in the order given; a directory's YAML files in name order, recursively. */
function mappingFiles(paths: readonly string[], diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  const isYaml = (name: string) => name.endsWith('.yml') || name.endsWith('.yaml');
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isYaml(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    try {
      if (statSync(given).isDirectory()) walk(given);
      else if (isYaml(given)) files.push(given);
      else {
        diagnostics.push(
          error(
            DATAMODEL_CODES.unknownFile,
            `not a data-model mapping file (expected .yml or .yaml): ${given}`,
            { location: given },
          ),
        );
      }
    } catch (caught) {
      diagnostics.push(unreadable(given, caught));
    }
  }
  return files;
}

function unreadable(file: string, caught: unknown): Diagnostic {
  const reason = caught instanceof Error ? caught.message : String(caught);
  return error(DATAMODEL_CODES.unreadable, `cannot read ${file}: ${reason}`, { location: file });
}
