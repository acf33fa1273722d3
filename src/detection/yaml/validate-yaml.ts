// Checks a parsed YAML file against a zod schema; every issue becomes a located diagnostic.
import type { z } from 'zod';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import { type FieldPath, formatFieldPath, keySpan, valueSpan } from './locate.ts';
import type { YamlSource } from './yaml-source.ts';

export interface Validated<T> {
  /** Undefined when the file has errors (unknown fields alone are warnings and keep it). */
  readonly data: T | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Schemas are strict: an unknown field is reported (as a warning naming it, under its key) and
 * then dropped, so a typo never passes silently and never stops an otherwise good file.
 */
export function validateYaml<S extends z.ZodType>(
  yaml: YamlSource,
  schema: S,
): Validated<z.output<S>> {
  let value: unknown;
  try {
    value = yaml.document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      data: undefined,
      diagnostics: [invalid(yaml, [], `cannot read the YAML: ${message}`)],
    };
  }
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const unknownKeys: { readonly path: FieldPath; readonly key: string }[] = [];
  let hasErrors = false;
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        unknownKeys.push({ path: issue.path, key });
        const path = [...issue.path, key];
        diagnostics.push(
          warning(
            CONTENT_CODES.unknownField,
            `unknown field \`${formatFieldPath(path)}\` (ignored)`,
            {
              source: yaml.source,
              span: keySpan(yaml, path),
            },
          ),
        );
      }
      continue;
    }
    hasErrors = true;
    diagnostics.push(issueDiagnostic(yaml, value, issue));
  }
  if (hasErrors) return { data: undefined, diagnostics };

  const stripped = structuredClone(value);
  for (const { path, key } of unknownKeys) {
    const holder = getAt(stripped, path);
    if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[key];
  }
  const second = schema.safeParse(stripped);
  if (second.success) return { data: second.data, diagnostics };
  return {
    data: undefined,
    diagnostics: [
      ...diagnostics,
      ...second.error.issues.map((i) => issueDiagnostic(yaml, stripped, i)),
    ],
  };
}

function issueDiagnostic(yaml: YamlSource, value: unknown, issue: z.core.$ZodIssue): Diagnostic {
  const path = issue.path;
  if (getAt(value, path) === undefined) {
    return error(
      CONTENT_CODES.missingField,
      `missing required field \`${formatFieldPath(path)}\``,
      {
        source: yaml.source,
        span: valueSpan(yaml, path),
      },
    );
  }
  return invalid(yaml, path, `\`${formatFieldPath(path)}\`: ${issue.message}`);
}

function invalid(yaml: YamlSource, path: FieldPath, message: string): Diagnostic {
  return error(CONTENT_CODES.invalidValue, message, {
    source: yaml.source,
    span: valueSpan(yaml, path),
  });
}

function getAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
