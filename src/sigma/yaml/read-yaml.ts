// Reads YAML text (one or many documents) through the YAML front door into located YamlNode trees
// with PyYAML 1.1 scalars.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import {
  type Diagnostic,
  error,
  MAX_YAML_NESTING,
  readYaml,
  type SourceText,
  type Span,
  span,
  syntaxErrors,
} from '../../core/index.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import { readYamlFast } from './fast-yaml.ts';
import { putEntry } from './put-entry.ts';
import { resolvePlainScalar } from './pyyaml-scalar.ts';
import type { YamlEntry, YamlMap, YamlNode, YamlScalarValue } from './yaml-node.ts';

export interface YamlDocument {
  /** Null for an empty document (`---` with nothing after it). */
  readonly root: YamlNode | null;
  readonly span: Span;
  /** Syntax errors and warnings of this document. */
  readonly diagnostics: readonly Diagnostic[];
}

const YAML_TAG = 'tag:yaml.org,2002:';
/** Guards against alias bombs (`a: &a [*a, *a]`-style expansion). */
const MAX_NODES = 1_000_000;

/**
 * Every document of the text: read by the fast reader when the text is in its subset (the same
 * documents, spans and warnings), else by the `yaml` package (`readYamlReference`).
 */
export function readYamlDocuments(source: SourceText): readonly YamlDocument[] {
  return readYamlFast(source) ?? readYamlReference(source);
}

/**
 * `readYamlDocuments` through the `yaml` package alone: the reference the fast reader
 * (fast-yaml.ts) is compared with, and the reader of every text outside its subset. The `yaml`
 * package parses with its failsafe schema (all scalars stay text, so nothing is resolved the
 * YAML 1.2 way); plain scalars are then resolved as PyYAML does. Duplicate keys keep the last
 * value as PyYAML does, with a warning.
 */
export function readYamlReference(source: SourceText): readonly YamlDocument[] {
  const read = readYaml(source, {
    codes: { syntax: SIGMA_CODES.yamlSyntax, tooDeep: SIGMA_CODES.yamlUnsupported },
    multi: true,
    version: '1.1',
    schema: 'failsafe',
    uniqueKeys: false,
  });
  if (read.documents.length === 0 && read.diagnostics.length > 0) {
    // The text could not be parsed at all (nesting too deep): one empty document says why.
    return [{ root: null, span: span(0, source.text.length), diagnostics: read.diagnostics }];
  }
  return read.documents.map((doc) => {
    const diagnostics: Diagnostic[] = syntaxErrors(source, doc, SIGMA_CODES.yamlSyntax);
    // Aliases may expand a small text into billions of nodes ("billion laughs") or nest it
    // deeper than its text does: both are measured first, each node once, and refused at once.
    const walked = doc.contents === null ? undefined : aliasTargets(doc.contents as Node);
    const targets: AliasTargets = walked?.targets ?? new Map();
    // With no alias the document's own shape, measured on the same walk, is its expanded one.
    const shape =
      walked === undefined
        ? { size: 0, depth: 0 }
        : walked.targets.size === 0
          ? walked.shape
          : expandedShape(targets, doc.contents as Node);
    if (shape.size > MAX_NODES || shape.depth > MAX_YAML_NESTING) {
      const message =
        shape.size > MAX_NODES
          ? `the document expands to ${shape.size.toLocaleString('en-US')} nodes through its aliases (at most a million are read)`
          : `aliases nest the document deeper than ${MAX_YAML_NESTING} levels`;
      diagnostics.push(
        error(SIGMA_CODES.yamlUnsupported, message, {
          source,
          span: span(doc.range[0], Math.max(doc.range[0] + 1, doc.range[1])),
        }),
      );
      return { root: null, span: span(doc.range[0], doc.range[2]), diagnostics };
    }
    const builder = new NodeBuilder(targets, source, diagnostics);
    const root = doc.contents === null ? null : builder.build(doc.contents as Node);
    const range = doc.range;
    return { root, span: span(range[0], range[2]), diagnostics };
  });
}

/** What each alias of the document refers to. */
type AliasTargets = ReadonlyMap<Node, Node | undefined>;

/**
 * Every alias's anchor, found in one walk in document order: the anchor is the last one of that
 * name before the alias. (The `yaml` package's `Alias.resolve` walks the whole document for
 * each alias: quadratic in a rule with thousands of them.) The same walk measures the document's
 * size and depth as written, as `expandedShape` counts them (aliases count as one node here).
 */
function aliasTargets(root: Node): {
  targets: AliasTargets;
  shape: { size: number; depth: number };
} {
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node | undefined>();
  let size = 0;
  // The depth of the node visited, leaves 1; `size` counts every node.
  const visit = (node: Node | null | undefined): number => {
    if (node === null || node === undefined) return 0;
    size++;
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      return 1;
    }
    let inner = 0;
    if (isSeq(node)) for (const item of node.items) inner = Math.max(inner, visit(item as Node));
    else if (isMap(node)) {
      for (const pair of node.items) {
        inner = Math.max(inner, visit(pair.key as Node | null), visit(pair.value as Node | null));
      }
    }
    // An anchor names its node once the node is complete (YAML 1.2 §3.2.2.2: no self-reference).
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchors.set(anchor, node);
    return inner + 1;
  };
  const depth = visit(root);
  return { targets, shape: { size, depth } };
}

/** Size and depth of the document once every alias is expanded (each node measured once). */
function expandedShape(targets: AliasTargets, root: Node): { size: number; depth: number } {
  const memo = new Map<Node, { size: number; depth: number }>();
  const visiting = new Set<Node>();
  const measure = (node: Node): { size: number; depth: number } => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    // A node whose expansion reaches itself: the builder reports it; it adds nothing here.
    if (visiting.has(node)) return { size: 1, depth: 1 };
    visiting.add(node);
    let size = 1;
    let depth = 1;
    const add = (child: Node | null | undefined) => {
      if (child === null || child === undefined) return;
      const inner = measure(child);
      size += inner.size;
      depth = Math.max(depth, inner.depth + 1);
    };
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target !== undefined) {
        const inner = measure(target);
        size = inner.size;
        depth = inner.depth;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) add(item as Node);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        add(pair.key as Node | null);
        add(pair.value as Node | null);
      }
    }
    visiting.delete(node);
    const shape = { size: Math.min(size, Number.MAX_SAFE_INTEGER), depth };
    memo.set(node, shape);
    return shape;
  };
  return measure(root);
}

/** Converts `yaml` AST nodes; stateful because it counts nodes and tracks alias recursion. */
class NodeBuilder {
  private count = 0;
  private readonly resolving = new Set<Node>();
  private readonly targets: AliasTargets;
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[];

  constructor(targets: AliasTargets, source: SourceText, diagnostics: Diagnostic[]) {
    this.targets = targets;
    this.source = source;
    this.diagnostics = diagnostics;
  }

  build(node: Node): YamlNode {
    const range = node.range ?? [0, 0, 0];
    const where = span(range[0], range[1]);
    if (++this.count === MAX_NODES) {
      this.diagnostics.push(
        error(SIGMA_CODES.yamlUnsupported, 'the document expands to more than a million nodes', {
          source: this.source,
          span: where,
        }),
      );
    }
    if (this.count >= MAX_NODES) return { kind: 'scalar', value: null, plain: true, span: where };
    if (isAlias(node)) return this.buildAlias(node, where);
    if (isScalar(node)) return this.buildScalar(node, where);
    if (isSeq(node)) {
      return {
        kind: 'seq',
        items: node.items.map((item) => this.build(item as Node)),
        span: where,
      };
    }
    if (isMap(node)) return this.buildMap(node.items, where);
    return { kind: 'scalar', value: null, plain: true, span: where };
  }

  private buildAlias(node: Node, where: Span): YamlNode {
    const target = this.targets.get(node);
    if (!target || this.resolving.has(target)) {
      this.diagnostics.push(
        error(SIGMA_CODES.yamlUnsupported, 'alias refers to an unknown or enclosing anchor', {
          source: this.source,
          span: where,
        }),
      );
      return { kind: 'scalar', value: null, plain: true, span: where };
    }
    this.resolving.add(target);
    const built = this.build(target);
    this.resolving.delete(target);
    return { ...built, span: where } as YamlNode;
  }

  private buildScalar(node: Scalar, where: Span): YamlNode {
    const text = String(node.value ?? '');
    const plain = node.type === 'PLAIN' || node.type === undefined;
    const tag = node.tag;
    let value: YamlScalarValue = plain ? resolvePlainScalar(text) : text;
    if (tag !== undefined) value = this.applyTag(tag, text, where);
    return { kind: 'scalar', value, plain: plain && tag === undefined, span: where };
  }

  private applyTag(tag: string, text: string, where: Span): YamlScalarValue {
    const name = tag.startsWith(YAML_TAG) ? tag.slice(YAML_TAG.length) : tag;
    const resolved = resolvePlainScalar(text);
    switch (name) {
      case 'str':
        return text;
      case 'int':
      case 'float':
        if (typeof resolved === 'number') return resolved;
        break;
      case 'bool':
        if (typeof resolved === 'boolean') return resolved;
        break;
      case 'null':
        return null;
    }
    this.diagnostics.push(
      error(SIGMA_CODES.yamlUnsupported, `unsupported YAML tag ${tag} on ${JSON.stringify(text)}`, {
        source: this.source,
        span: where,
      }),
    );
    return text;
  }

  private buildMap(items: readonly unknown[], where: Span): YamlMap {
    const entries: YamlEntry[] = [];
    const merged: YamlEntry[] = [];
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const keyRange = keyNode?.range ?? valueNode?.range ?? [where.start, where.start, 0];
      const keySpan = span(keyRange[0], keyRange[1]);
      const value: YamlNode =
        valueNode === null
          ? { kind: 'scalar', value: null, plain: true, span: span(keyRange[1], keyRange[1]) }
          : this.build(valueNode);
      if (
        keyNode !== null &&
        isScalar(keyNode) &&
        keyNode.type === 'PLAIN' &&
        keyNode.value === '<<'
      ) {
        merged.push(...this.mergeSource(value));
        continue;
      }
      if (keyNode === null || !isScalar(keyNode)) {
        this.diagnostics.push(
          error(SIGMA_CODES.yamlUnsupported, 'mapping keys must be scalars', {
            source: this.source,
            span: keySpan,
          }),
        );
        continue;
      }
      const key = String(keyNode.value ?? '');
      putEntry(entries, { key, keySpan, value }, this);
    }
    // YAML 1.1 merge keys: merged entries come first and explicit keys override them.
    const explicit = new Set(entries.map((e) => e.key));
    const fromMerge = merged.filter(
      (e, i) => !explicit.has(e.key) && merged.findIndex((m) => m.key === e.key) === i,
    );
    return { kind: 'map', entries: [...fromMerge, ...entries], span: where };
  }

  private mergeSource(value: YamlNode): YamlEntry[] {
    if (value.kind === 'map') return [...value.entries];
    if (value.kind === 'seq') return value.items.flatMap((item) => this.mergeSource(item));
    this.diagnostics.push(
      error(SIGMA_CODES.yamlUnsupported, 'a merge key (<<) needs a map or a list of maps', {
        source: this.source,
        span: value.span,
      }),
    );
    return [];
  }
}
