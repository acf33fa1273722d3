// A macro definition and the library of definitions a search is expanded with.
import type { SourceText } from '../../core/index.ts';

/**
 * One search macro: `` `name` `` or `` `name(a, b)` `` with `$a$`, `$b$` in its definition.
 * `source` holds the definition text itself, so notes can draw a caret into it; `location` says
 * where it was defined (`macros/sysmon.yml:3`, `macros.conf:12`, `built-in`).
 */
export interface MacroDefinition {
  readonly name: string;
  readonly args: readonly string[];
  readonly definition: string;
  readonly source: SourceText;
  readonly location: string;
}

/** Macros keyed by `name` (no arguments) or `name(N)` (N arguments), as Splunk keys them. */
export type MacroLibrary = ReadonlyMap<string, MacroDefinition>;

export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

export function defineMacro(
  name: string,
  args: readonly string[],
  definition: string,
  location: string,
): MacroDefinition {
  const label = args.length === 0 ? name : `${name}(${args.join(', ')})`;
  return {
    name,
    args,
    definition,
    location,
    source: { name: `macro ${label} (${location})`, text: definition },
  };
}

/** Builds a library; later definitions of the same key replace earlier ones. */
export function macroLibrary(...groups: readonly (readonly MacroDefinition[])[]): MacroLibrary {
  const library = new Map<string, MacroDefinition>();
  for (const group of groups) {
    for (const macro of group) library.set(macroKey(macro.name, macro.args.length), macro);
  }
  return library;
}
