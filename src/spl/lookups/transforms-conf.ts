// Reads the lookup stanzas of a Splunk transforms.conf (stanzas with filename, collection or external_cmd).
import { type Diagnostic, error } from '../../core/diagnostic.ts';
import { type ConfStanza, parseConfStanzas } from './conf-stanzas.ts';
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
    const backing = backingOf(stanza);
    if (backing === undefined) continue;
    const get = (key: string) => stanza.settings.get(key)?.value;
    const settings = parseMatchSettings({
      match_type: get('match_type'),
      case_sensitive_match: get('case_sensitive_match'),
      max_matches: get('max_matches'),
      min_matches: get('min_matches'),
      default_match: get('default_match'),
    });
    if (Array.isArray(settings)) {
      diagnostics.push(
        error('LKP105', `lookup "${stanza.name}": ${settings.join('; ')}`, {
          location: `${file}:${stanza.line}`,
        }),
      );
      continue;
    }
    definitions.push({
      name: stanza.name,
      backing,
      ...settings,
      origin: `${file}:${stanza.line}`,
    });
  }
  return { definitions, diagnostics };
}

function backingOf(stanza: ConfStanza): LookupBacking | undefined {
  const get = (key: string) => stanza.settings.get(key)?.value.trim();
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
