// Reads a user-supplied logsource mapping: spelunk's format, or SigmaHQ's THOR format (tests/thor.yml).
import type { Diagnostic, SourceText } from '../../core/index.ts';
import { createProblems, type Problems, report, scalarText } from '../load/problems.ts';
import { readYamlDocuments } from '../yaml/read-yaml.ts';
import { entryOf, type YamlMap, type YamlNode } from '../yaml/yaml-node.ts';
import { DEFAULT_WINDOWS_MAPPING } from './default-windows-mapping.ts';
import type {
  LogsourceMapping,
  LogsourceMappingEntry,
  LogsourceSelector,
} from './logsource-mapping.ts';

export interface LoadedMapping {
  readonly mapping?: LogsourceMapping;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * spelunk format: `logsources:` is a list of `{name, category?, product?, service?, conditions,
 * fieldmappings?}`, `fieldmappings:` applies to every rule, `extends: default` keeps the built-in
 * entries after the file's. THOR format: `logsources:` is a map whose entries have `conditions`,
 * `rewrite`, `sources: [WinEventLog:<channel>]` and `fieldmappings`.
 */
export function loadLogsourceMapping(source: SourceText): LoadedMapping {
  const problems = createProblems(source);
  const docs = readYamlDocuments(source);
  problems.diagnostics.push(...docs.flatMap((d) => d.diagnostics));
  const root = docs[0]?.root;
  if (root === undefined || root === null || root.kind !== 'map') {
    report(
      problems,
      'badMapping',
      'a logsource mapping must be a YAML map',
      root?.span ?? { start: 0, end: 0 },
    );
    return { diagnostics: problems.diagnostics };
  }
  const logsources = entryOf(root, 'logsources')?.value;
  const global = readFieldMappings(problems, entryOf(root, 'fieldmappings')?.value);
  let entries: LogsourceMappingEntry[] = [];
  if (logsources?.kind === 'seq')
    entries = logsources.items.flatMap((n, i) => readEntry(problems, n, `entry ${i + 1}`));
  else if (logsources?.kind === 'map') entries = readThor(problems, logsources);
  else
    report(
      problems,
      'badMapping',
      '"logsources" must be a list (or a THOR map)',
      logsources?.span ?? root.span,
    );
  const extendsDefault =
    scalarText(
      entryOf(root, 'extends')?.value ?? {
        kind: 'scalar',
        value: null,
        plain: true,
        span: root.span,
      },
    ) === 'default';
  const name =
    scalarText(entryOf(root, 'name')?.value ?? entryOf(root, 'title')?.value ?? root) ??
    source.name;
  const mapping: LogsourceMapping = extendsDefault
    ? {
        name,
        entries: [...entries, ...DEFAULT_WINDOWS_MAPPING.entries],
        fieldMappings: new Map([...DEFAULT_WINDOWS_MAPPING.fieldMappings, ...global]),
      }
    : { name, entries, fieldMappings: global };
  return {
    ...(problems.diagnostics.some((d) => d.severity === 'error') ? {} : { mapping }),
    diagnostics: problems.diagnostics,
  };
}

function readSelector(map: YamlMap): LogsourceSelector {
  const out: { -readonly [K in keyof LogsourceSelector]: LogsourceSelector[K] } = {};
  for (const key of ['category', 'product', 'service'] as const) {
    const entry = entryOf(map, key);
    if (entry === undefined) continue;
    // An explicit null (`category: ~`) requires the rule not to have the attribute.
    out[key] = scalarText(entry.value) ?? null;
  }
  return out;
}

function readValues(problems: Problems, node: YamlNode): string[] {
  const items = node.kind === 'seq' ? node.items : [node];
  return items.flatMap((item) => {
    const text = scalarText(item);
    if (text === undefined)
      report(problems, 'badMapping', 'condition values must be scalars', item.span);
    return text === undefined ? [] : [text];
  });
}

function readConditions(
  problems: Problems,
  node: YamlNode | undefined,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (node === undefined) return out;
  if (node.kind !== 'map') {
    report(problems, 'badMapping', '"conditions" must map fields to values', node.span);
    return out;
  }
  for (const e of node.entries) out.set(e.key, readValues(problems, e.value));
  return out;
}

function readFieldMappings(
  problems: Problems,
  node: YamlNode | undefined,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return out;
  if (node.kind !== 'map') {
    report(
      problems,
      'badMapping',
      '"fieldmappings" must map Sigma fields to event fields',
      node.span,
    );
    return out;
  }
  for (const e of node.entries) out.set(e.key, readValues(problems, e.value));
  return out;
}

function readEntry(
  problems: Problems,
  node: YamlNode,
  fallbackName: string,
): LogsourceMappingEntry[] {
  if (node.kind !== 'map') {
    report(problems, 'badMapping', 'each logsource entry must be a map', node.span);
    return [];
  }
  return [
    {
      name: scalarText(entryOf(node, 'name')?.value ?? node) ?? fallbackName,
      match: readSelector(node),
      conditions: readConditions(problems, entryOf(node, 'conditions')?.value),
      fieldMappings: readFieldMappings(problems, entryOf(node, 'fieldmappings')?.value),
    },
  ];
}

interface ThorEntry {
  readonly name: string;
  readonly match: LogsourceSelector;
  readonly conditions: Map<string, readonly string[]>;
  readonly rewrite?: LogsourceSelector;
  readonly channels: readonly string[];
  readonly fieldMappings: Map<string, readonly string[]>;
}

/** Flattens THOR's `rewrite` chains: category entries take the channels of the service they rewrite to. */
function readThor(problems: Problems, logsources: YamlMap): LogsourceMappingEntry[] {
  const thor: ThorEntry[] = [];
  for (const e of logsources.entries) {
    if (e.value.kind !== 'map') continue;
    const rewriteNode = entryOf(e.value, 'rewrite')?.value;
    const sources = entryOf(e.value, 'sources')?.value;
    const channels = sources
      ? readValues(problems, sources).filter((s) => s.startsWith('WinEventLog:'))
      : [];
    thor.push({
      name: e.key,
      match: readSelector(e.value),
      conditions: readConditions(problems, entryOf(e.value, 'conditions')?.value),
      ...(rewriteNode?.kind === 'map' ? { rewrite: readSelector(rewriteNode) } : {}),
      channels: channels.map((s) => s.slice('WinEventLog:'.length)),
      fieldMappings: readFieldMappings(problems, entryOf(e.value, 'fieldmappings')?.value),
    });
  }
  const out: LogsourceMappingEntry[] = [];
  for (const t of thor) {
    const rewrite = t.rewrite;
    const channels = rewrite
      ? thor
          .filter((s) => s.channels.length > 0 && sameSelector(s.match, rewrite))
          .flatMap((s) => s.channels)
      : t.channels;
    if (channels.length === 0 && t.conditions.size === 0) continue;
    const conditions = new Map(t.conditions);
    if (channels.length > 0) conditions.set('Channel', channels);
    out.push({ name: t.name, match: t.match, conditions, fieldMappings: t.fieldMappings });
  }
  return out;
}

function sameSelector(a: LogsourceSelector, b: LogsourceSelector): boolean {
  return a.category === b.category && a.product === b.product && a.service === b.service;
}
