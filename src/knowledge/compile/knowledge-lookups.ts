// The lookups automatic LOOKUPs may name: definitions from loaded transforms stanzas and CSVs beside them, then the search's own.
import { type Diagnostic, error } from '../../core/index.ts';
import {
  createLookupStore,
  type LookupDefinition,
  type LookupProvider,
  lookupOfStanza,
} from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { LayeredStanza } from './layer-stanzas.ts';

export interface KnowledgeLookups {
  readonly provider: LookupProvider;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A transforms stanza with `filename`, `collection` or an external command defines a lookup
 * (spl/lookups/transforms-conf.ts). Names the knowledge does not define are looked up in
 * `fallback` (the lookups given to the search with `--lookups`).
 */
export function knowledgeLookups(
  transforms: readonly LayeredStanza[],
  files: ReadonlyMap<string, string>,
  fallback: LookupProvider | undefined,
): KnowledgeLookups {
  const diagnostics: Diagnostic[] = [];
  const definitions: LookupDefinition[] = [];
  for (const stanza of transforms) {
    const lookup = lookupOfStanza(
      stanza.name,
      (key) => stanza.settings.get(key)?.value,
      `${stanza.source.name} [${stanza.name}]`,
    );
    if (lookup === undefined) continue;
    if (Array.isArray(lookup)) {
      diagnostics.push(
        error(KNOWLEDGE_CODES.badValue, `lookup [${stanza.name}]: ${lookup.join('; ')}`, {
          source: stanza.source,
          span: stanza.nameSpan,
        }),
      );
    } else definitions.push(lookup);
  }
  const own = createLookupStore({ definitions, files });
  const provider: LookupProvider =
    fallback === undefined
      ? own
      : {
          resolve(name) {
            const found = own.resolve(name);
            return 'severity' in found && found.code === 'LKP301' ? fallback.resolve(name) : found;
          },
        };
  return { provider, diagnostics };
}
