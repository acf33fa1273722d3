// The ESCU corpus as the SPL sections read it: detection files in a stable order, their search:
// as contentctl's PyYAML reads it, and failures grouped by reason with examples.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_CODES, parseYamlSource } from '../src/detection/index.ts';

/** The `.yml` files under `dir`, recursively, in name order. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return yamlFiles(full);
      return e.name.endsWith('.yml') ? [full] : [];
    });
}

export interface DetectionSearch {
  /** The `search:` text; undefined when the file has none or does not read. */
  readonly search: string | undefined;
  /** Read as PyYAML reads it, a quoted value continuing in column 0. */
  readonly repaired: boolean;
  /** The first YAML error, if any. */
  readonly error: string | undefined;
}

export function readDetectionSearch(file: string): DetectionSearch {
  const parsed = parseYamlSource(file, readFileSync(file, 'utf8'));
  const value = parsed.yaml?.document.toJS() as { search?: unknown } | undefined;
  const search = value?.search;
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  return {
    search: typeof search === 'string' ? search : undefined,
    repaired: parsed.diagnostics.some((d) => d.code === CONTENT_CODES.yamlPyyamlOnly),
    error: error?.message,
  };
}

/** Adds `example` under `reason`. */
export function addExample(groups: Map<string, string[]>, reason: string, example: string): void {
  const list = groups.get(reason) ?? [];
  list.push(example);
  groups.set(reason, list);
}
