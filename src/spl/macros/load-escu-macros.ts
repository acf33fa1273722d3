// ESCU macro files (`macros/*.yml`: name, definition, arguments) → macro definitions.
import { type Diagnostic, error, warning } from '../../core/index.ts';
import { parseLenientYaml } from './lenient-yaml.ts';
import { defineMacro, type MacroDefinition } from './macro.ts';

export interface LoadedMacros {
  readonly macros: readonly MacroDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}

/** One ESCU macro YAML. A file that is not a macro is reported (SPL310), never guessed at. */
export function loadEscuMacroYaml(path: string, text: string): LoadedMacros {
  const yaml = parseLenientYaml(text);
  const source = { name: path, text };
  if (yaml.value === undefined) {
    return {
      macros: [],
      diagnostics: [
        error('SPL210', `bad macro YAML: ${yaml.errors.join('; ')}`, { location: path, source }),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  if (yaml.repaired) {
    diagnostics.push(
      warning(
        'SPL211',
        'quoted value continues in column 0: accepted as PyYAML (contentctl) reads it',
        {
          location: path,
        },
      ),
    );
  }
  const doc = yaml.value as Record<string, unknown> | null;
  const name = doc?.['name'];
  const definition = doc?.['definition'];
  const args = doc?.['arguments'] ?? [];
  if (typeof name !== 'string' || typeof definition !== 'string') {
    diagnostics.push(
      error('SPL210', 'macro YAML needs a string `name` and `definition`', { location: path }),
    );
    return { macros: [], diagnostics };
  }
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
    diagnostics.push(
      error('SPL210', `macro ${name}: \`arguments\` must be a list of names`, { location: path }),
    );
    return { macros: [], diagnostics };
  }
  return { macros: [defineMacro(name, args, definition, path)], diagnostics };
}
