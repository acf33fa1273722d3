// The fast path of the Sigma YAML reader: the block YAML SigmaHQ rules are written in, read in one
// pass over the lines into the same YamlDocuments (values, spans, duplicate-key warnings) the
// `yaml` package path of read-yaml.ts builds.
//
// Written by hand because no library reads this subset fast: the `yaml` package (the reference,
// and still the reader of everything outside the subset) builds a token stream, a CST and an AST
// first, ~2 s of CPU over the SigmaHQ tree; this reader takes a fraction of that. Whatever it is
// unsure about (flow collections, anchors, aliases, tags, merge keys, multi-line plain or quoted
// scalars, explicit keys, tabs, CR, a BOM, `...`, empty documents, odd indentation, block scalar
// indicators other than `|`, `>`, `|-`, `>-`, anything the `yaml` package would call an error)
// throws UNSUPPORTED and the text is read by the `yaml` package path, so behaviour is unchanged.
// `npm run conformance` (sigma-yaml-fast-path) compares both over every corpus rule.
//
// Node ends follow the `yaml` package's ranges (a collection ends where its last value's node
// ends; comment lines after a value belong to it when indented deeper than its collection, and
// to the innermost collection they are indented into at its end).
import { type Diagnostic, type SourceText, span } from '../../core/index.ts';
import { UNSUPPORTED } from './fast-scalars.ts';
import {
  inlineScalar,
  mapKey,
  type Parsed,
  type ScalarAt,
  trailingLines,
} from './fast-yaml-scalars.ts';
import { putEntry } from './put-entry.ts';
import type { YamlDocument } from './read-yaml.ts';
import { linesOf, type TextLines } from './text-lines.ts';
import type { YamlEntry, YamlNode } from './yaml-node.ts';

/** Deeper documents go to the `yaml` path, whose nesting meter (limit 128) then rules on them. */
const MAX_FAST_DEPTH = 40;
/** More nodes than this go to the `yaml` path and its node limit. */
const MAX_FAST_NODES = 200_000;

/** Every document of the text, or undefined when it is outside the subset. */
export function readYamlFast(source: SourceText): YamlDocument[] | undefined {
  const text = source.text;
  if (/[\t\r\ufeff]/.test(text)) return undefined;
  try {
    return new FastYamlReader(source).documents();
  } catch (cause) {
    if (cause === UNSUPPORTED) return undefined;
    throw cause;
  }
}

class FastYamlReader {
  private readonly text: string;
  private readonly lines: TextLines;
  private readonly source: SourceText;
  /** The next line to read. */
  private line = 0;
  private depth = 0;
  private nodes = 0;
  private diagnostics: Diagnostic[] = [];

  constructor(source: SourceText) {
    this.source = source;
    this.text = source.text;
    this.lines = linesOf(this.text);
  }

  documents(): YamlDocument[] {
    const docs: YamlDocument[] = [];
    const { lines } = this;
    let line = this.nextContent(0);
    while (line < lines.count) {
      let start = lines.start[line] as number;
      if (lines.kind[line] === 'doc-start') line = this.nextContent(line + 1);
      else if (docs.length > 0) throw UNSUPPORTED;
      else start += lines.indent[line] as number;
      if (line >= lines.count || lines.kind[line] !== 'content' || lines.indent[line] !== 0)
        throw UNSUPPORTED;
      this.diagnostics = [];
      this.line = line;
      const root = this.isSeqItem(line, 0) ? this.seq(0) : this.map(0);
      line = this.line;
      if (line < lines.count && lines.kind[line] !== 'doc-start') throw UNSUPPORTED;
      const end = root.trailing === null ? root.end : root.trailing.end;
      docs.push({ root: root.node, span: span(start, end), diagnostics: this.diagnostics });
    }
    if (docs.length === 0) throw UNSUPPORTED;
    return docs;
  }

  /** A block map whose keys are at `column`, the first on the current line. */
  private map(column: number): Parsed {
    this.enter();
    const { lines } = this;
    const entries: YamlEntry[] = [];
    const start = (lines.start[this.line] as number) + column;
    for (;;) {
      const line = this.line;
      const at = (lines.start[line] as number) + column;
      const key = mapKey(this.text, at, lines.end[line] as number);
      if (key === undefined) throw UNSUPPORTED;
      const value = this.mapValue(column, key.after);
      putEntry(
        entries,
        { key: key.text, keySpan: span(at, key.end), value: value.node },
        {
          source: this.source,
          diagnostics: this.diagnostics,
        },
      );
      const next = this.line;
      if (next < lines.count && lines.kind[next] === 'content') {
        const indent = lines.indent[next] as number;
        if (indent > column) throw UNSUPPORTED;
        if (indent === column) {
          if (this.isSeqItem(next, column)) throw UNSUPPORTED;
          continue;
        }
      }
      this.leave();
      return this.close({ kind: 'map', entries, span: span(start, value.end) }, value, column);
    }
  }

  /** A block sequence whose `-` indicators are at `column`, the first on the current line. */
  private seq(column: number): Parsed {
    this.enter();
    const { lines, text } = this;
    const items: YamlNode[] = [];
    const start = (lines.start[this.line] as number) + column;
    for (;;) {
      const line = this.line;
      const lineStart = lines.start[line] as number;
      const lineEnd = lines.end[line] as number;
      let at = lineStart + column + 1;
      while (text.charCodeAt(at) === 32) at++;
      if (at >= lineEnd || text.charCodeAt(at) === 35 || at === lineStart + column + 1)
        throw UNSUPPORTED;
      if (this.isSeqItem(line, at - lineStart)) throw UNSUPPORTED;
      const item =
        mapKey(this.text, at, lineEnd) === undefined
          ? this.trail(this.inline(at, column), column)
          : this.map(at - lineStart);
      items.push(item.node);
      const next = this.line;
      if (next < lines.count && lines.kind[next] === 'content') {
        const indent = lines.indent[next] as number;
        if (indent > column) throw UNSUPPORTED;
        if (indent === column && this.isSeqItem(next, column)) continue;
      }
      this.leave();
      return this.close({ kind: 'seq', items, span: span(start, item.end) }, item, column);
    }
  }

  /** The value after a map key's `:` (at `after`), in a map whose keys are at `column`. */
  private mapValue(column: number, after: number): Parsed {
    const { lines, text } = this;
    const line = this.line;
    let at = after;
    while (text.charCodeAt(at) === 32) at++;
    const lineEnd = lines.end[line] as number;
    if (at < lineEnd && text.charCodeAt(at) !== 35)
      return this.trail(this.inline(at, column), column);
    // Nothing more on the key's line: a nested collection, or an empty value.
    const next = this.nextContent(line + 1);
    if (next < lines.count && lines.kind[next] === 'content') {
      const indent = lines.indent[next] as number;
      if (indent > column || (indent === column && this.isSeqItem(next, column))) {
        this.line = next;
        return this.isSeqItem(next, indent) ? this.seq(indent) : this.map(indent);
      }
    }
    // An empty value sits after the `:` and its spaces; the lines after it stay in the map
    // item (a comment among them would change the node's end: read by the `yaml` path).
    if (at < lineEnd) throw UNSUPPORTED;
    for (let l = line + 1; l < next; l++) if (lines.kind[l] === 'comment') throw UNSUPPORTED;
    this.count();
    this.line = next;
    return {
      node: { kind: 'scalar', value: null, plain: true, span: span(at, at) },
      end: at,
      trailing: null,
    };
  }

  /**
   * A collection ends: its last value's trailing comment lines stay in it when one of them is
   * indented at least as deep as its items (and it is not at column 0), else they move outwards.
   */
  private close(node: YamlNode, last: Parsed, column: number): Parsed {
    const trailing = last.trailing;
    if (trailing !== null && column !== 0 && trailing.commentColumns.some((c) => c >= column))
      return { node, end: trailing.end, trailing: null };
    return { node, end: last.end, trailing };
  }

  /** A scalar starting at `at` on the current line, in a collection at `column`; moves past it. */
  private inline(at: number, column: number): ScalarAt {
    this.count();
    const scalar = inlineScalar(this.text, this.lines, this.line, at, column);
    this.line = scalar.next;
    return scalar;
  }

  /** The comment and blank lines after a scalar value; moves to the next content line. */
  private trail(value: ScalarAt, column: number): Parsed {
    const trailed = trailingLines(this.text, this.lines, this.line, value, column);
    this.line = trailed.next;
    return { node: trailed.node, end: trailed.end, trailing: trailed.trailing };
  }

  /** Whether line `line` has a `-` item indicator at `column`. */
  private isSeqItem(line: number, column: number): boolean {
    const at = (this.lines.start[line] as number) + column;
    if (this.text.charCodeAt(at) !== 45) return false;
    const next = at + 1;
    return next >= (this.lines.end[line] as number) || this.text.charCodeAt(next) === 32;
  }

  /** The first content or document-start line from `line` on (or the line count). */
  private nextContent(line: number): number {
    const { kind, count } = this.lines;
    let l = line;
    while (l < count && (kind[l] === 'blank' || kind[l] === 'comment')) l++;
    return l;
  }

  private enter(): void {
    if (++this.depth > MAX_FAST_DEPTH) throw UNSUPPORTED;
    this.count();
  }

  private leave(): void {
    this.depth--;
  }

  private count(): void {
    if (++this.nodes > MAX_FAST_NODES) throw UNSUPPORTED;
  }
}
