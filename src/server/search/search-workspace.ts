// What the server's searches compile against, loaded once at start: the content pack's macros and
// lookups (the built-in pack by default), the CIM data models and the field knowledge, as `hunt`
// loads them. (To be replaced by the engine's workspace once it has one front door for this.)
import type { Diagnostic } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR, loadContent } from '../../detection/index.ts';
import { loadDataModels, loadFieldKnowledge } from '../../knowledge/index.ts';
import type { SearchWorkspace } from './search-context.ts';

export interface WorkspaceOptions {
  /** ESCU content directories whose macros and lookups searches use; the built-in pack when empty. */
  readonly content?: readonly string[];
  readonly props?: readonly string[];
  readonly dataModels?: readonly string[];
  readonly builtinKnowledge?: boolean;
}

export function loadSearchWorkspace(options: WorkspaceOptions = {}): {
  workspace: SearchWorkspace;
  diagnostics: readonly Diagnostic[];
} {
  const builtin = options.builtinKnowledge !== false;
  const dataModels = loadDataModels({ paths: options.dataModels ?? [], builtin });
  const content = options.content ?? [];
  const pack = loadContent(content.length > 0 ? content : [BUILTIN_CONTENT_DIR], {
    dataModels: dataModels.dataModels,
  });
  const knowledge = loadFieldKnowledge({
    paths: options.props ?? [],
    builtin,
    lookups: pack.lookups,
  });
  return {
    workspace: {
      macros: pack.macros,
      lookups: pack.lookups,
      dataModels: dataModels.dataModels,
      knowledge: knowledge.base,
    },
    diagnostics: [...dataModels.diagnostics, ...pack.diagnostics, ...knowledge.diagnostics],
  };
}
