// What the server's searches compile against, opened once at start through the engine's one
// workspace: the content pack's macros and lookups (the built-in pack by default), the CIM data
// models and the field knowledge, as every other command opens them.
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import { openWorkspace, type Workspace } from '../../engine/index.ts';

export interface SearchWorkspaceOptions {
  /** ESCU content directories whose macros and lookups searches use; the built-in pack when empty. */
  readonly content?: readonly string[];
  readonly props?: readonly string[];
  readonly dataModels?: readonly string[];
  readonly builtinKnowledge?: boolean;
}

export function openSearchWorkspace(options: SearchWorkspaceOptions = {}): Workspace {
  const content = options.content ?? [];
  return openWorkspace({
    content: content.length > 0 ? content : [BUILTIN_CONTENT_DIR],
    ...(options.props === undefined ? {} : { props: options.props }),
    ...(options.dataModels === undefined ? {} : { dataModels: options.dataModels }),
    ...(options.builtinKnowledge === undefined
      ? {}
      : { builtinKnowledge: options.builtinKnowledge }),
    without: ['sigma-compile'],
  });
}
