// Loads every Sigma document of one YAML text: rules, correlations and filters, each with its problems.
import {
  type Diagnostic,
  hasErrors,
  pushAll,
  type SourceText,
  type Span,
} from '../../core/index.ts';
import type { SigmaDocument } from '../model/rule.ts';
import { readYamlDocuments } from '../yaml/read-yaml.ts';
import { entryOf, type YamlEntry, type YamlMap, type YamlNode } from '../yaml/yaml-node.ts';
import { parseCorrelation } from './parse-correlation.ts';
import { parseFilter } from './parse-filter.ts';
import { parseRule } from './parse-rule.ts';
import { createProblems, report, scalarText } from './problems.ts';

/** One YAML document of a file and what became of it. */
export interface LoadedDocument {
  /** Undefined when the document had errors (they are in `diagnostics`). */
  readonly document?: SigmaDocument;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: SourceText;
  readonly span: Span;
  /** The document's title (or id) when it has one, for reports. */
  readonly label?: string;
  readonly id?: string;
}

export function loadSigmaText(source: SourceText): LoadedDocument[] {
  const out: LoadedDocument[] = [];
  let global: YamlMap | undefined;
  let previous: YamlMap | undefined;
  for (const yamlDoc of readYamlDocuments(source)) {
    const problems = createProblems(source);
    pushAll(problems.diagnostics, yamlDoc.diagnostics);
    const root = yamlDoc.root;
    if (root === null && !hasErrors(yamlDoc.diagnostics)) continue;
    if (root === null || root.kind !== 'map') {
      if (root !== null)
        report(problems, 'unknownDocument', 'a Sigma document must be a map', root.span);
      out.push({ diagnostics: problems.diagnostics, source, span: yamlDoc.span });
      continue;
    }
    // Sigma v1 collections: `action: global` parts merge into the following documents,
    // `reset` drops them, `repeat` reuses the previous document with changes.
    const action = entryOf(root, 'action');
    const actionName = action && scalarText(action.value);
    let map = root;
    if (actionName === 'global') {
      global = withoutAction(root);
      continue;
    }
    if (actionName === 'reset') {
      global = undefined;
      continue;
    }
    if (actionName === 'repeat') {
      if (previous === undefined) {
        report(
          problems,
          'badAction',
          '"action: repeat" has no previous document',
          action?.value.span ?? root.span,
        );
        out.push({ diagnostics: problems.diagnostics, source, span: yamlDoc.span });
        continue;
      }
      map = mergeMaps(previous, withoutAction(root));
    } else if (action !== undefined) {
      report(problems, 'badAction', `unknown action "${actionName ?? ''}"`, action.value.span);
      out.push({ diagnostics: problems.diagnostics, source, span: yamlDoc.span });
      continue;
    } else if (global !== undefined) {
      map = mergeMaps(global, root);
    }
    previous = map;
    const origin = { source, span: yamlDoc.span };
    let document: SigmaDocument | undefined;
    if (!hasErrors(yamlDoc.diagnostics)) {
      if (entryOf(map, 'correlation')) document = parseCorrelation(problems, map, origin);
      else if (entryOf(map, 'filter')) document = parseFilter(problems, map, origin);
      else if (entryOf(map, 'detection') || entryOf(map, 'logsource'))
        document = parseRule(problems, map, origin);
      else {
        report(
          problems,
          'unknownDocument',
          'the document is neither a rule (detection), a correlation nor a filter',
          map.span,
        );
      }
    }
    const title = scalarText(entryOf(map, 'title')?.value ?? nullNode(map.span));
    const id = scalarText(entryOf(map, 'id')?.value ?? nullNode(map.span));
    out.push({
      ...(document === undefined || hasErrors(problems.diagnostics) ? {} : { document }),
      diagnostics: problems.diagnostics,
      source,
      span: yamlDoc.span,
      ...(title === undefined ? {} : { label: title }),
      ...(id === undefined ? {} : { id }),
    });
  }
  return out;
}

function nullNode(where: Span): YamlNode {
  return { kind: 'scalar', value: null, plain: true, span: where };
}

function withoutAction(map: YamlMap): YamlMap {
  return { ...map, entries: map.entries.filter((e) => e.key !== 'action') };
}

/** Deep merge as legacy sigmac did: maps merge key by key, anything else is replaced. */
function mergeMaps(base: YamlMap, over: YamlMap): YamlMap {
  const entries: YamlEntry[] = [...base.entries];
  for (const entry of over.entries) {
    const index = entries.findIndex((e) => e.key === entry.key);
    const existing = entries[index];
    if (existing === undefined) entries.push(entry);
    else if (existing.value.kind === 'map' && entry.value.kind === 'map') {
      entries[index] = { ...entry, value: mergeMaps(existing.value, entry.value) };
    } else entries[index] = entry;
  }
  return { kind: 'map', entries, span: over.span };
}
