// Reads the lookup stanzas of a Splunk transforms.conf (stanzas with filename, collection or external_cmd).
import { type Diagnostic, error } from '../../core/index.ts';
import { parseConfStanzas } from './conf-stanzas.ts';
import type {
  LookupBacking,
  LookupDefinition,
  LookupDefinitionsResult,
} from './lookup-definition.ts';
import { parseMatchSettings } from './match-settings.ts';

/**
 * Stanzas without a lookup backing (REGEX/FORMAT field extractions, DELIMS) are not lookups and
 * are left to the field-knowledge layer; they are not reported.
 */
export function readTransformsConf(text: string, file: string): LookupDefinitionsResult {
  const parsed = parseConfStanzas(text);
  const diagnostics: Diagnostic[] = parsed.problems.map((p) =>
    error('LKP111', p.message, { location: `${file}:${p.line}` }),
  );
  const definitions: LookupDefinition[] = [];
  for (const stanza of parsed.stanzas) {
    const get = (key: string) => stanza.settings.get(key)?.value;
    const lookup = lookupOfStanza(stanza.name, get, `${file}:${stanza.line}`);
    if (lookup === undefined) continue;
    if (Array.isArray(lookup)) {
      diagnostics.push(
        error('LKP105', `lookup "${stanza.name}": ${lookup.join('; ')}`, {
          location: `${file}:${stanza.line}`,
        }),
      );
    } else definitions.push(lookup);
  }
  return { definitions, diagnostics };
}

/** One stanza's settings, by key, as written. */
export type StanzaSettings = (key: string) => string | undefined;

/**
 * The lookup a transforms.conf stanza defines (transforms.conf.spec, "Lookup tables"): its backing
 * (`filename`, `collection`, an external command) and match settings. Undefined when the stanza
 * defines none; the problems, one per bad match setting, when it does but they are bad. Shared by
 * `--lookups` directories and the field knowledge's automatic lookups.
 */
export function lookupOfStanza(
  name: string,
  settings: StanzaSettings,
  origin: string,
): LookupDefinition | string[] | undefined {
  const backing = backingOf((key) => settings(key)?.trim());
  if (backing === undefined) return undefined;
  const match = parseMatchSettings({
    match_type: settings('match_type'),
    case_sensitive_match: settings('case_sensitive_match'),
    max_matches: settings('max_matches'),
    min_matches: settings('min_matches'),
    default_match: settings('default_match'),
  });
  if (Array.isArray(match)) return match;
  return { name, backing, ...match, origin };
}

function backingOf(get: StanzaSettings): LookupBacking | undefined {
  const filename = get('filename');
  if (filename) {
    return filename.toLowerCase().endsWith('.csv') || filename.toLowerCase().endsWith('.csv.gz')
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
  const externalCmd = get('external_cmd');
  if (externalCmd) return { kind: 'unsupported', what: `an external lookup (${externalCmd})` };
  const externalType = get('external_type');
  if (externalType) return { kind: 'unsupported', what: `an external_type=${externalType} lookup` };
  return undefined;
}
