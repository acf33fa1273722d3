// Loads macro files and folders (`--macros <file|dir>`): ESCU `*.yml` and Splunk `*.conf`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../../core/index.ts';
import { BUILTIN_MACROS } from './builtin-macros.ts';
import { loadEscuMacroYaml } from './load-escu-macros.ts';
import { loadMacrosConf } from './load-macros-conf.ts';
import { type MacroDefinition, type MacroLibrary, macroLibrary } from './macro.ts';

export interface MacroLoad {
  /** The built-in macros plus every definition read; later files win. */
  readonly library: MacroLibrary;
  /** Every problem of every file; one bad file never stops the others. */
  readonly diagnostics: readonly Diagnostic[];
}

export function loadMacros(paths: readonly string[]): MacroLoad {
  const diagnostics: Diagnostic[] = [];
  const macros: MacroDefinition[] = [];
  for (const root of paths) {
    for (const file of macroFiles(root, diagnostics)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        diagnostics.push(
          error('SPL210', `cannot read macro file: ${String(cause)}`, { location: file }),
        );
        continue;
      }
      const loaded = file.endsWith('.conf')
        ? loadMacrosConf(file, text)
        : loadEscuMacroYaml(file, text);
      macros.push(...loaded.macros);
      diagnostics.push(...loaded.diagnostics);
    }
  }
  return { library: macroLibrary(BUILTIN_MACROS, macros), diagnostics };
}

function macroFiles(root: string, diagnostics: Diagnostic[]): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(root);
  } catch {
    diagnostics.push(error('SPL210', 'no such macro file or folder', { location: root }));
    return [];
  }
  if (!stat.isDirectory()) return [root];
  return readdirSync(root, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(root, entry.name);
      if (entry.isDirectory()) return macroFiles(full, diagnostics);
      return /\.(ya?ml|conf)$/.test(entry.name) ? [full] : [];
    });
}
