// Reads the YAML form of props/transforms (docs/field-knowledge.md, "YAML"): the same stanzas and settings as the .conf files.
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import {
  type Diagnostic,
  error,
  ownEntry,
  readYaml,
  type SourceText,
  span,
  spanOfNode,
} from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type {
  KnowledgeFile,
  KnowledgeFileKind,
  KnowledgeSetting,
  KnowledgeStanza,
} from './knowledge-text.ts';

export interface ReadYamlResult {
  readonly files: readonly KnowledgeFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const SECTIONS: Readonly<Record<string, KnowledgeFileKind>> = {
  props: 'props',
  transforms: 'transforms',
};

/**
 * ```yaml
 * props:
 *   source::XmlWinEventLog:Microsoft-Windows-Sysmon/Operational:
 *     FIELDALIAS-user: User AS user
 *     EVAL-dest: Computer
 * transforms:
 *   my-hashes:
 *     SOURCE_KEY: Hashes
 *     REGEX: 'MD5=(?<MD5>[0-9A-F]{32})'
 * ```
 * One YAML file gives a props file and/or a transforms file. Values may be strings, numbers or
 * booleans (written back as text, as the .conf file would hold them).
 */
export function readKnowledgeYaml(text: string, path: string): ReadYamlResult {
  const source: SourceText = { name: path, text };
  const read = readYaml(source, { codes: { syntax: KNOWLEDGE_CODES.yamlSyntax } });
  const doc = read.yaml?.documents[0];
  if (doc === undefined) return { files: [], diagnostics: [...read.diagnostics] };
  const diagnostics: Diagnostic[] = [];
  const shape = (message: string, node: Node | null | undefined) =>
    diagnostics.push(error(KNOWLEDGE_CODES.yamlShape, message, { source, span: spanOfNode(node) }));
  const root = doc.contents;
  if (root === null) return { files: [], diagnostics };
  if (!isMap(root)) {
    shape('expected a mapping with "props" and/or "transforms"', root);
    return { files: [], diagnostics };
  }
  const files: KnowledgeFile[] = [];
  for (const section of root.items) {
    const key = isScalar(section.key) ? String(section.key.value) : '';
    const kind = ownEntry(SECTIONS, key);
    if (kind === undefined) {
      shape(`unknown section "${key}": expected "props" or "transforms"`, section.key as Node);
      continue;
    }
    if (section.value === null || (isScalar(section.value) && section.value.value === null)) {
      files.push({ kind, source, stanzas: [] });
      continue;
    }
    if (!isMap(section.value)) {
      shape(`"${key}" must map stanza names to their settings`, section.value as Node);
      continue;
    }
    const stanzas: KnowledgeStanza[] = [];
    for (const entry of section.value.items) {
      if (!isScalar(entry.key)) {
        shape('a stanza name must be a plain string', entry.key as Node);
        continue;
      }
      const name = String(entry.key.value).trim();
      const settings: KnowledgeSetting[] = [];
      if (isMap(entry.value)) {
        for (const item of entry.value.items) {
          if (!isScalar(item.key) || !(item.value === null || isScalar(item.value))) {
            shape(
              'a setting must be "KEY: value" with a string, number or boolean value',
              (isScalar(item.key) ? item.value : item.key) as Node,
            );
            continue;
          }
          settings.push(settingOf(source, item.key, item.value as Scalar | null));
        }
      } else if (!(entry.value === null || (isScalar(entry.value) && entry.value.value === null))) {
        shape(`stanza "${name}" must map setting names to values`, entry.value as Node);
        continue;
      }
      stanzas.push({ name, source, nameSpan: spanOfNode(entry.key), settings });
    }
    files.push({ kind, source, stanzas });
  }
  return { files, diagnostics };
}

function settingOf(source: SourceText, key: Scalar, valueNode: Scalar | null): KnowledgeSetting {
  const raw = valueNode?.value;
  const value = raw === null || raw === undefined ? '' : String(raw);
  const valueRange = valueNode?.range ?? undefined;
  const verbatim =
    valueNode !== null &&
    valueRange !== undefined &&
    valueNode.type === 'PLAIN' &&
    source.text.slice(valueRange[0], valueRange[1]) === value;
  const keyName = String(key.value);
  return {
    key: keyName,
    value,
    source,
    keySpan: spanOfNode(key),
    ...(verbatim && valueRange
      ? { valueSource: source, valueSpan: span(valueRange[0], valueRange[1]) }
      : {
          valueSource: { name: `${source.name} (value of ${keyName})`, text: value },
          valueSpan: span(0, value.length),
        }),
  };
}
