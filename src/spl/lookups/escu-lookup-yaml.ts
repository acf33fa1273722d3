// Reads an ESCU `lookups/*.yml` lookup definition (contentctl's Lookup object) into a LookupDefinition.

import { isMap, LineCounter, parseDocument } from 'yaml';
import {
  type Diagnostic,
  error,
  lineColumnAt,
  yamlTooDeep,
  yamlTooDeepMessage,
} from '../../core/index.ts';
import type { LookupBacking, LookupDefinition } from './lookup-definition.ts';
import { parseMatchSettings } from './match-settings.ts';

/**
 * `text` is the file's content, `file` its path for messages. Unknown keys are ignored (contentctl
 * adds descriptive ones over time); a missing `name`, or no `filename`/`collection`, is an error.
 */
export function readEscuLookupYaml(text: string, file: string): LookupDefinition | Diagnostic {
  const deep = yamlTooDeep(text);
  if (deep !== undefined) {
    return error('LKP101', `invalid YAML: ${yamlTooDeepMessage(deep)}`, {
      location: `${file}:${lineColumnAt(text, deep.offset).line}`,
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const at = (offset: number | undefined) =>
    offset === undefined ? file : `${file}:${lineCounter.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    return error('LKP101', `invalid YAML: ${first?.message.split('\n')[0] ?? ''}`, {
      location: at(first?.pos[0]),
    });
  }
  if (!isMap(doc.contents)) {
    return error('LKP102', 'a lookup definition must be a YAML mapping', { location: file });
  }
  const values = new Map<string, string>();
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    const value = (pair.value as { value?: unknown } | null)?.value;
    if (value !== undefined && value !== null) values.set(key, String(value));
  }
  const name = values.get('name')?.trim();
  if (!name) return error('LKP103', 'lookup definition has no `name`', { location: file });
  const backing = backingOf(values);
  if (backing === undefined) {
    return error('LKP104', `lookup "${name}" has neither \`filename\` nor \`collection\``, {
      location: file,
    });
  }
  const settings = parseMatchSettings({
    match_type: values.get('match_type'),
    case_sensitive_match: values.get('case_sensitive_match'),
    max_matches: values.get('max_matches'),
    min_matches: values.get('min_matches'),
    default_match: values.get('default_match'),
  });
  if (Array.isArray(settings)) {
    return error('LKP105', `lookup "${name}": ${settings.join('; ')}`, { location: file });
  }
  return { name, backing, ...settings, origin: file };
}

function backingOf(values: ReadonlyMap<string, string>): LookupBacking | undefined {
  const filename = values.get('filename')?.trim();
  if (filename) {
    const lower = filename.toLowerCase();
    if (lower.endsWith('.csv')) return { kind: 'file', filename };
    return {
      kind: 'unsupported',
      what: lower.endsWith('.mlmodel')
        ? `an MLTK model (${filename}), which needs the Splunk Machine Learning Toolkit`
        : `a non-CSV file (${filename})`,
    };
  }
  const collection = values.get('collection')?.trim();
  if (collection) {
    const fields = (values.get('fields_list') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    return { kind: 'collection', collection, fields };
  }
  return undefined;
}
