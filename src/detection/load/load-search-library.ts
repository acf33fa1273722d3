// A search library on its own (`spelunk search --macros --lookups`, conformance): the content
// loader's macros and lookups with no content directory.
import type { Diagnostic } from '../../core/index.ts';
import type { LookupStore, MacroLibrary } from '../../spl/index.ts';
import { loadContent } from './load-content.ts';

export interface SearchLibrary {
  /** The built-in macros plus every definition read; a later file wins. */
  readonly macros: MacroLibrary;
  readonly lookups: LookupStore;
  readonly diagnostics: readonly Diagnostic[];
}

/** Macro files or directories and lookup directories, read exactly as `--content` reads them. */
export function loadSearchLibrary(paths: {
  readonly macros?: readonly string[];
  readonly lookups?: readonly string[];
}): SearchLibrary {
  const pack = loadContent([], paths);
  return { macros: pack.macros, lookups: pack.lookups, diagnostics: pack.diagnostics };
}
