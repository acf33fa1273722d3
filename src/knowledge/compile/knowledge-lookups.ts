// The lookups automatic LOOKUPs may name: definitions from loaded transforms stanzas and CSVs beside them, then the search's own.
import { type Diagnostic, error } from '../../core/diagnostic.ts';
import type { LookupBacking, LookupDefinition } from '../../spl/lookups/lookup-definition.ts';
import { createLookupStore, type LookupProvider } from '../../spl/lookups/lookup-store.ts';
import { parseMatchSettings } from '../../spl/lookups/match-settings.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { LayeredStanza } from './layer-stanzas.ts';

export interface KnowledgeLookups {
  readonly provider: LookupProvider;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A transforms stanza with `filename`, `collection` or an external command defines a lookup
 * (transforms.conf.spec, "Lookup tables"). Names the knowledge does not define are looked up in
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
    const get = (key: string) => stanza.settings.get(key)?.value.trim();
    const backing = backingOf(get);
    if (backing === undefined) continue;
    const settings = parseMatchSettings({
      match_type: get('match_type'),
      case_sensitive_match: get('case_sensitive_match'),
      max_matches: get('max_matches'),
      min_matches: get('min_matches'),
      default_match: stanza.settings.get('default_match')?.value,
    });
    if (Array.isArray(settings)) {
      diagnostics.push(
        error(KNOWLEDGE_CODES.badValue, `lookup [${stanza.name}]: ${settings.join('; ')}`, {
          source: stanza.source,
          span: stanza.nameSpan,
        }),
      );
      continue;
    }
    definitions.push({
      name: stanza.name,
      backing,
      ...settings,
      origin: `${stanza.source.name} [${stanza.name}]`,
    });
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

/** The same backings the SPL lookup layer reads from transforms.conf. */
function backingOf(get: (key: string) => string | undefined): LookupBacking | undefined {
  const filename = get('filename');
  if (filename) {
    const lower = filename.toLowerCase();
    return lower.endsWith('.csv') || lower.endsWith('.csv.gz')
      ? { kind: 'file', filename }
      : { kind: 'unsupported', what: `a non-CSV file (${filename})` };
  }
  const collection = get('collection');
  if (collection) {
    const fields = (get('fields_list') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    return { kind: 'collection', collection, fields };
  }
  const external = get('external_cmd') ?? get('external_type');
  if (external) return { kind: 'unsupported', what: `an external lookup (${external})` };
  return undefined;
}
