// Finds the text span of a field path (`tags.observable[0].role`) in a parsed YAML file.
import { isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { type Span, span, spanOfNode } from '../../core/index.ts';
import type { YamlSource } from './yaml-source.ts';

export type FieldPath = readonly PropertyKey[];

/** `tags.observable[0].role` */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(file)' : text;
}

/** The span of a value's text (first line of a block), for a caret under it. */
export function valueSpan(yaml: YamlSource, path: FieldPath): Span {
  const found = walk(yaml, path);
  if (found.node && found.depth === path.length) return nodeSpan(yaml, found.node);
  // Missing: point at the key that holds the deepest existing parent, or the file's first key.
  return found.keySpan ?? firstKeySpan(yaml);
}

/** The span of the key of the last path element (for "unknown field" under the key itself). */
export function keySpan(yaml: YamlSource, path: FieldPath): Span {
  const found = walk(yaml, path);
  if (found.depth === path.length && found.keySpan) return found.keySpan;
  return valueSpan(yaml, path);
}

interface Walked {
  readonly node: Node | undefined;
  readonly depth: number;
  readonly keySpan: Span | undefined;
}

function walk(yaml: YamlSource, path: FieldPath): Walked {
  let node: Node | undefined = yaml.document.contents ?? undefined;
  let keyAt: Span | undefined;
  let depth = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) break;
      if (isNode(pair.key)) keyAt = nodeSpan(yaml, pair.key);
      node = isNode(pair.value) ? pair.value : undefined;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!isNode(item)) break;
      keyAt = nodeSpan(yaml, item);
      node = item;
    } else {
      break;
    }
    depth++;
    if (!node) break;
  }
  return { node, depth, keySpan: keyAt };
}

function nodeSpan(yaml: YamlSource, node: Node): Span {
  return spanOfNode(node, yaml.toOriginal);
}

function firstKeySpan(yaml: YamlSource): Span {
  const contents = yaml.document.contents;
  if (isMap(contents)) {
    const first = contents.items[0];
    if (first && isPair(first) && isNode(first.key)) return nodeSpan(yaml, first.key);
  }
  return span(0, Math.min(1, yaml.source.text.length));
}
