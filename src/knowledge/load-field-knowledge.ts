// The knowledge facade: load the built-in and the user's files, then compile (read → layer → compile stanzas).
import type { EvalClock, LookupProvider } from '../spl/index.ts';
import { BUILTIN_KNOWLEDGE_DIR } from './builtin-knowledge.ts';
import { type CompiledKnowledge, compileKnowledge } from './compile/compile-knowledge.ts';
import { loadKnowledgeSources } from './source/load-knowledge-files.ts';

export interface LoadFieldKnowledgeOptions {
  /** The user's props/transforms files, YAML files and directories (`--props`), in precedence order. */
  readonly paths?: readonly string[];
  /** Include the built-in Windows knowledge (default true); the user's files override it. */
  readonly builtin?: boolean;
  /** Lookups a LOOKUP- may name when the knowledge files do not define it (`--lookups`). */
  readonly lookups?: LookupProvider;
  readonly clock?: EvalClock;
}

/** Never throws on bad files: every problem comes back as a diagnostic. */
export function loadFieldKnowledge(options: LoadFieldKnowledgeOptions = {}): CompiledKnowledge {
  const paths = [
    ...(options.builtin === false ? [] : [BUILTIN_KNOWLEDGE_DIR]),
    ...(options.paths ?? []),
  ];
  const sources = loadKnowledgeSources(paths);
  return compileKnowledge(sources, {
    ...(options.lookups ? { lookups: options.lookups } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
