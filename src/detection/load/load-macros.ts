// Builds the macro library from macros/*.yml: keyed by name and arity; a later directory wins.
import { type Diagnostic, error, lineColumnAt, warning } from '../../core/index.ts';
import {
  BUILTIN_MACROS,
  defineMacro,
  type MacroDefinition,
  type MacroLibrary,
  macroKey,
  macroLibrary,
} from '../../spl/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { MacroYaml } from '../schema/macro-schema.ts';
import { keySpan, valueSpan } from '../yaml/locate.ts';
import type { ContentFile } from './read-content-file.ts';

export function loadMacros(
  files: readonly ContentFile<MacroYaml>[],
  diagnostics: Diagnostic[],
): MacroLibrary {
  const macros = new Map<string, MacroDefinition>();
  const roots = new Map<string, string>();
  for (const { file, yaml, data } of files) {
    const key = macroKey(data.name, data.arguments.length);
    const previous = macros.get(key);
    if (previous) {
      const sameRoot = roots.get(key) === file.root;
      diagnostics.push(
        (sameRoot ? error : warning)(
          sameRoot ? CONTENT_CODES.duplicateName : CONTENT_CODES.macroRedefined,
          sameRoot
            ? `macro \`${key}\` is defined twice in ${file.root}; this one is not loaded`
            : `macro \`${key}\` is defined again; this definition replaces the earlier one`,
          {
            source: yaml.source,
            span: keySpan(yaml, ['name']),
            notes: [{ message: `defined before at ${previous.location}` }],
          },
        ),
      );
      if (sameRoot) continue;
    }
    const at = valueSpan(yaml, ['definition']).start;
    const line = lineColumnAt(yaml.source.text, at).line;
    roots.set(key, file.root);
    macros.set(
      key,
      defineMacro(data.name, data.arguments, data.definition, `${file.path}:${line}`),
    );
  }
  return macroLibrary(BUILTIN_MACROS, [...macros.values()]);
}
