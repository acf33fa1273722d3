// Reads a user's data-model mapping file (YAML): event types with their search, tags and data-model fields.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import {
  type Diagnostic,
  error,
  readYaml,
  type SourceText,
  spanOfNode,
} from '../../../core/index.ts';
import type { LocatedEventType } from '../compile/compile-event-types.ts';
import type { LocatedText } from '../compile/parse-text.ts';
import { DATAMODEL_CODES } from '../datamodel-codes.ts';

export interface ReadMappingResult {
  readonly eventTypes: readonly LocatedEventType[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * ```yaml
 * eventtypes:
 *   my-edr-process-start:
 *     search: sourcetype=my:edr event_type=process_start
 *     tags: [process, report]
 *     fields:                       # optional: what the data models see
 *       process_name: replace(image, "^.*\\\\", "")
 * ```
 * Every problem is reported with its place; a bad event type is left out and the others read.
 */
export function readMappingYaml(text: string, path: string): ReadMappingResult {
  const source: SourceText = { name: path, text };
  const read = readYaml(source, { codes: { syntax: DATAMODEL_CODES.yamlSyntax } });
  const doc = read.yaml?.documents[0];
  if (doc === undefined) return { eventTypes: [], diagnostics: [...read.diagnostics] };
  const diagnostics: Diagnostic[] = [];
  const shape = (message: string, node: Node | null | undefined): void => {
    diagnostics.push(error(DATAMODEL_CODES.yamlShape, message, { source, span: spanOfNode(node) }));
  };
  const top = doc.contents;
  if (!isMap(top)) {
    shape('a mapping file is a YAML mapping with an "eventtypes:" key', top);
    return { eventTypes: [], diagnostics };
  }
  const eventTypes: LocatedEventType[] = [];
  for (const pair of top.items) {
    const key = pair.key as Node;
    if (!isScalar(key) || key.value !== 'eventtypes') {
      shape('unknown key: a mapping file has only "eventtypes:"', key);
      continue;
    }
    if (!isMap(pair.value)) {
      shape('"eventtypes:" holds one mapping per event type name', pair.value as Node);
      continue;
    }
    for (const entry of pair.value.items) {
      const nameNode = entry.key as Node;
      if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value === '') {
        shape('an event type name must be text', nameNode);
        continue;
      }
      const read = readEventType(nameNode.value, entry.value as Node, source, shape);
      if (read !== undefined) eventTypes.push(read);
    }
  }
  return { eventTypes, diagnostics };
}

type Report = (message: string, node: Node | null | undefined) => void;

function readEventType(
  name: string,
  node: Node,
  source: SourceText,
  shape: Report,
): LocatedEventType | undefined {
  if (!isMap(node)) {
    shape(`event type ${name} needs search: and tags:`, node);
    return undefined;
  }
  let search: LocatedText | undefined;
  let tags: string[] | undefined;
  const fields = new Map<string, LocatedText>();
  let fine = true;
  for (const pair of node.items) {
    const key = pair.key as Node;
    const value = pair.value as Node;
    const keyName = isScalar(key) ? String(key.value) : '';
    if (keyName === 'search') {
      search = scalarText(value, source);
      if (search === undefined) shape('search: is a search clause (text)', value);
    } else if (keyName === 'tags') {
      tags = tagList(value);
      if (tags === undefined) shape('tags: is a list of tags or a space-separated text', value);
    } else if (keyName === 'fields') {
      if (!isMap(value)) {
        shape('fields: maps a field name to an eval expression', value);
        fine = false;
        continue;
      }
      for (const field of value.items) {
        const fieldKey = field.key as Node;
        const expression = scalarText(field.value as Node, source);
        if (!isScalar(fieldKey) || expression === undefined) {
          shape('each field maps a name to an eval expression (text)', fieldKey);
          fine = false;
          continue;
        }
        fields.set(String(fieldKey.value), expression);
      }
    } else {
      shape(`unknown key "${keyName}": an event type has search:, tags: and fields:`, key);
      fine = false;
    }
  }
  if (search === undefined || tags === undefined) {
    if (search === undefined && tags !== undefined)
      shape(`event type ${name} has no search:`, node);
    if (tags === undefined && search !== undefined) shape(`event type ${name} has no tags:`, node);
    return undefined;
  }
  if (!fine) return undefined;
  return {
    spec: {
      name,
      search: search.source.text.slice(search.span.start, search.span.end),
      tags,
      fields: Object.fromEntries(
        [...fields].map(([f, t]) => [f, t.source.text.slice(t.span.start, t.span.end)]),
      ),
      origin: source.name,
    },
    search,
    fields,
  };
}

/** The scalar's text where it is written, or (quoted with escapes) a text of its own. */
function scalarText(node: Node | null | undefined, source: SourceText): LocatedText | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  const range = node.range;
  if (range !== null && range !== undefined) {
    const raw = source.text.slice(range[0], range[1]);
    if (raw === text) return { source, span: { start: range[0], end: range[1] } };
    const inner = raw.length >= 2 ? raw.slice(1, -1) : '';
    if (inner === text) return { source, span: { start: range[0] + 1, end: range[1] - 1 } };
  }
  return { source: { name: source.name, text }, span: { start: 0, end: text.length } };
}

function tagList(node: Node | null | undefined): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    return node.value.split(/[\s,]+/).filter((t) => t !== '');
  }
  if (!isSeq(node)) return undefined;
  const tags: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return undefined;
    tags.push(item.value);
  }
  return tags;
}
