// Reads, parses and schema-checks one content file; what fails is reported, never thrown.
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { type Diagnostic, error, hasErrors } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import { validateYaml } from '../yaml/validate-yaml.ts';
import { parseYamlSource, type YamlSource } from '../yaml/yaml-source.ts';
import type { DiscoveredFile } from './discover-files.ts';

/** Content files are a few kilobytes; anything this large is not ESCU content. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface ContentFile<T> {
  readonly file: DiscoveredFile;
  readonly yaml: YamlSource;
  readonly data: T;
}

/** The checked file, or undefined with the reasons pushed to `diagnostics`. */
export function readContentFile<S extends z.ZodType>(
  file: DiscoveredFile,
  schema: S,
  diagnostics: Diagnostic[],
): ContentFile<z.output<S>> | undefined {
  let text: string;
  try {
    const size = statSync(file.path).size;
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(
        error(
          CONTENT_CODES.unreadable,
          `file is ${size} bytes; content files are limited to ${MAX_FILE_BYTES}`,
          {
            location: file.path,
          },
        ),
      );
      return undefined;
    }
    text = readFileSync(file.path, 'utf8');
  } catch (cause) {
    diagnostics.push(
      error(CONTENT_CODES.unreadable, `cannot read file: ${(cause as Error).message}`, {
        location: file.path,
      }),
    );
    return undefined;
  }
  const parsed = parseYamlSource(file.path, text);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.yaml) return undefined;
  const validated = validateYaml(parsed.yaml, schema);
  diagnostics.push(...validated.diagnostics);
  if (validated.data === undefined || hasErrors(validated.diagnostics)) return undefined;
  return { file, yaml: parsed.yaml, data: validated.data };
}
