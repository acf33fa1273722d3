// The knowledge compile stage: loaded files → KnowledgeBase (layer → transforms → lookups → props stanzas).
import type { Diagnostic } from '../../core/index.ts';
import type { EvalClock, LookupProvider } from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { KnowledgeSources } from '../source/load-knowledge-files.ts';
import { type CompiledStanza, compilePropsStanza } from './compile-props-stanza.ts';
import type { TransformLookup } from './compile-report.ts';
import {
  type CompiledTransform,
  compileTransform,
  isKnownTransformKey,
} from './compile-transform.ts';
import { knowledgeLookups } from './knowledge-lookups.ts';
import { layerStanzas } from './layer-stanzas.ts';
import { keyWarning } from './setting-diagnostics.ts';

/** Every props stanza compiled, ready to be matched against events. */
export interface KnowledgeBase {
  readonly stanzas: readonly CompiledStanza[];
  /** Whether any stanza is host::-scoped (then the host takes part in choosing stanzas). */
  readonly usesHost: boolean;
}

/** No field knowledge at all: events keep the fields they were read with. */
export const NO_KNOWLEDGE: KnowledgeBase = { stanzas: [], usesHost: false };

export interface CompileKnowledgeOptions {
  /** Lookups a LOOKUP- may name when the knowledge files do not define it (`--lookups`). */
  readonly lookups?: LookupProvider;
  /** `now()` in calculated fields; defaults to the system clock. */
  readonly clock?: EvalClock;
}

export interface CompiledKnowledge {
  readonly base: KnowledgeBase;
  /** Problems in the files; a class with an error is left out, the others still apply. */
  readonly diagnostics: readonly Diagnostic[];
}

export function compileKnowledge(
  sources: KnowledgeSources,
  options: CompileKnowledgeOptions = {},
): CompiledKnowledge {
  const diagnostics: Diagnostic[] = [...sources.diagnostics];
  const transforms = layerStanzas(sources.files, 'transforms');
  for (const stanza of transforms) {
    for (const [key, setting] of stanza.settings) {
      if (!isKnownTransformKey(key)) {
        diagnostics.push(
          keyWarning(
            KNOWLEDGE_CODES.unknownSetting,
            `unknown transforms.conf setting "${key}" is ignored`,
            setting,
          ),
        );
      }
    }
  }
  const lookups = knowledgeLookups(transforms, sources.lookupFiles, options.lookups);
  diagnostics.push(...lookups.diagnostics);
  const transformFor = transformCache(transforms, diagnostics);
  const stanzas: CompiledStanza[] = [];
  for (const stanza of layerStanzas(sources.files, 'props')) {
    const compiled = compilePropsStanza(
      stanza,
      { transformFor, lookups: lookups.provider, clock: options.clock },
      diagnostics,
    );
    if (compiled !== undefined) stanzas.push(compiled);
  }
  return {
    base: { stanzas, usesHost: stanzas.some((s) => s.spec.kind === 'host') },
    diagnostics,
  };
}

/** Compiles a transform on first use by a REPORT, reporting its problems once. */
function transformCache(
  transforms: ReturnType<typeof layerStanzas>,
  diagnostics: Diagnostic[],
): TransformLookup {
  const byName = new Map(transforms.map((t) => [t.name, t]));
  const compiled = new Map<string, CompiledTransform | 'failed'>();
  return (name) => {
    const cached = compiled.get(name);
    if (cached !== undefined) return cached;
    const stanza = byName.get(name);
    if (stanza === undefined) return 'unknown';
    const result = compileTransform(stanza);
    if (result.ok) diagnostics.push(...result.warnings);
    else diagnostics.push(...result.diagnostics);
    const value = result.ok ? result.transform : 'failed';
    compiled.set(name, value);
    return value;
  };
}
