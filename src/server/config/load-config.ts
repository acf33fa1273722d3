// The config file: YAML checked against the schema; every problem a diagnostic with file:line and a
// caret under the offending value (the content loader's YAML reader and validator, with the
// server's own codes). No file: the defaults, which work on a fresh machine.

import { readFileSync } from 'node:fs';
import { type Diagnostic, error } from '../../core/index.ts';
import { CONTENT_CODES, parseYamlSource, validateYaml } from '../../detection/index.ts';
import { type ServerConfig, serverConfigSchema } from './config-schema.ts';

export const CONFIG_CODES = {
  unreadable: 'SRV100',
  yamlSyntax: 'SRV101',
  notAMapping: 'SRV103',
  missingField: 'SRV110',
  unknownField: 'SRV111',
  invalidValue: 'SRV112',
} as const;

/** The content codes validateYaml uses, renamed for config files. */
const RENAMED: Record<string, string> = {
  [CONTENT_CODES.yamlSyntax]: CONFIG_CODES.yamlSyntax,
  [CONTENT_CODES.notAMapping]: CONFIG_CODES.notAMapping,
  [CONTENT_CODES.missingField]: CONFIG_CODES.missingField,
  [CONTENT_CODES.unknownField]: CONFIG_CODES.unknownField,
  [CONTENT_CODES.invalidValue]: CONFIG_CODES.invalidValue,
};

export interface LoadedConfig {
  /** Undefined when the file has errors. */
  readonly config: ServerConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function defaultConfig(): ServerConfig {
  return serverConfigSchema.parse({});
}

export function loadServerConfig(file: string | undefined): LoadedConfig {
  if (file === undefined) return { config: defaultConfig(), diagnostics: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      config: undefined,
      diagnostics: [
        error(CONFIG_CODES.unreadable, `cannot read the config file: ${(e as Error).message}`, {
          location: file,
        }),
      ],
    };
  }
  return parseServerConfig(file, text);
}

export function parseServerConfig(name: string, text: string): LoadedConfig {
  if (text.trim() === '') return { config: defaultConfig(), diagnostics: [] };
  const parsed = parseYamlSource(name, text);
  if (parsed.yaml === undefined)
    return { config: undefined, diagnostics: renamed(parsed.diagnostics) };
  const validated = validateYaml(parsed.yaml, serverConfigSchema);
  const diagnostics = renamed([...parsed.diagnostics, ...validated.diagnostics]);
  return { config: validated.data, diagnostics };
}

function renamed(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, code: RENAMED[d.code] ?? d.code }));
}
