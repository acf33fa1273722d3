// Builds the macro library from macros/*.yml, then the search library's macro files (ESCU YAML
// and macros.conf): keyed by name and arity; a later directory wins.
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
import { macroSchema } from '../schema/macro-schema.ts';
import { keySpan, valueSpan } from '../yaml/locate.ts';
import { type LibraryFile, readConfFile } from './library-files.ts';
import { readMacrosConf } from './macros-conf.ts';
import { readContentFile } from './read-content-file.ts';

/** One definition with the directory it came from and where to point at it. */
interface Defined {
  readonly macro: MacroDefinition;
  readonly root: string;
  readonly at: Pick<Diagnostic, 'source' | 'span' | 'location'>;
}

export function loadMacros(
  files: readonly LibraryFile[],
  diagnostics: Diagnostic[],
  counts: { loaded: number; failed: number },
): MacroLibrary {
  const macros = new Map<string, Defined>();
  for (const defined of files.flatMap((file) => definitionsOf(file, diagnostics, counts))) {
    const key = macroKey(defined.macro.name, defined.macro.args.length);
    const previous = macros.get(key);
    if (previous) {
      const sameRoot = previous.root === defined.root;
      diagnostics.push(
        (sameRoot ? error : warning)(
          sameRoot ? CONTENT_CODES.duplicateName : CONTENT_CODES.macroRedefined,
          sameRoot
            ? `macro \`${key}\` is defined twice in ${defined.root}; this one is not loaded`
            : `macro \`${key}\` is defined again; this definition replaces the earlier one`,
          { ...defined.at, notes: [{ message: `defined before at ${previous.macro.location}` }] },
        ),
      );
      if (sameRoot) continue;
    }
    macros.set(key, defined);
  }
  return macroLibrary(
    BUILTIN_MACROS,
    [...macros.values()].map((d) => d.macro),
  );
}

function definitionsOf(
  file: LibraryFile,
  diagnostics: Diagnostic[],
  counts: { loaded: number; failed: number },
): Defined[] {
  if (file.format === 'conf') {
    const read = readConfFile(
      file.path,
      (text) => readMacrosConf(file.path, text),
      diagnostics,
      counts,
    );
    return (read?.macros ?? []).map((macro) => ({
      macro,
      root: file.root,
      at: { location: macro.location },
    }));
  }
  const content = readContentFile(file.file, macroSchema, diagnostics);
  counts[content ? 'loaded' : 'failed']++;
  if (content === undefined) return [];
  const { yaml, data } = content;
  const line = lineColumnAt(yaml.source.text, valueSpan(yaml, ['definition']).start).line;
  return [
    {
      macro: defineMacro(data.name, data.arguments, data.definition, `${file.file.path}:${line}`),
      root: file.file.root,
      at: { source: yaml.source, span: keySpan(yaml, ['name']) },
    },
  ];
}
