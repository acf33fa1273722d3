// A YAML tree whose every node keeps its source span, so loaders can point a caret at it.
import type { Span } from '../../core/index.ts';

/** A YAML 1.1 timestamp (PyYAML builds a date from it); kept as its source text. */
export interface YamlTimestamp {
  readonly timestamp: string;
}

export type YamlScalarValue = string | number | boolean | null | YamlTimestamp;

export interface YamlScalar {
  readonly kind: 'scalar';
  readonly value: YamlScalarValue;
  /** Whether the scalar was written plain (unquoted, not a block scalar). */
  readonly plain: boolean;
  readonly span: Span;
}

export interface YamlSeq {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
  readonly span: Span;
}

export interface YamlEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
  readonly span: Span;
}

export type YamlNode = YamlScalar | YamlSeq | YamlMap;

export function isTimestamp(value: YamlScalarValue): value is YamlTimestamp {
  return typeof value === 'object' && value !== null;
}

export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function describeNode(node: YamlNode): string {
  if (node.kind !== 'scalar') return node.kind === 'seq' ? 'a list' : 'a map';
  const v = node.value;
  if (v === null) return 'null';
  if (isTimestamp(v)) return `the timestamp ${v.timestamp}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
