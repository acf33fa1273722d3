// A map entry added as PyYAML adds it: a repeated key keeps its last value, with a warning
// (both YAML readers, read-yaml.ts and fast-yaml.ts, add entries here).
import { type Diagnostic, type SourceText, warning } from '../../core/index.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import type { YamlEntry } from './yaml-node.ts';

export function putEntry(
  entries: YamlEntry[],
  entry: YamlEntry,
  report: { readonly source: SourceText; readonly diagnostics: Diagnostic[] },
): void {
  const { key, keySpan } = entry;
  const previous = entries.findIndex((e) => e.key === key);
  if (previous < 0) {
    entries.push(entry);
    return;
  }
  report.diagnostics.push(
    warning(SIGMA_CODES.duplicateKey, `duplicate key "${key}": the last value is used`, {
      source: report.source,
      span: keySpan,
      notes: [{ message: 'first defined here', span: entries[previous]?.keySpan ?? keySpan }],
    }),
  );
  entries[previous] = entry;
}
