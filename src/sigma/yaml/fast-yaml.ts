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
import { blockScalarValue, doubleQuoted, singleQuoted, UNSUPPORTED } from './fast-scalars.ts';
import { putEntry } from './put-entry.ts';
import { resolvePlainScalar } from './pyyaml-scalar.ts';
import type { YamlDocument } from './read-yaml.ts';
import { type LineKind, linesOf, type TextLines } from './text-lines.ts';
import type { YamlEntry, YamlNode } from './yaml-node.ts';

/** Deeper documents go to the `yaml` path, whose nesting meter (limit 128) then rules on them. */
const MAX_FAST_DEPTH = 40;
/** More nodes than this go to the `yaml` path and its node limit. */
const MAX_FAST_NODES = 200_000;

/** Comment and blank lines after a collection's last value: where they end, comments' columns. */
interface Trailing {
  readonly end: number;
  readonly commentColumns: readonly number[];
}

/** A parsed value: its node, where the `yaml` package's node ends (range[2]), what trails it. */
interface Parsed {
  readonly node: YamlNode;
  readonly end: number;
  /** Trailing lines still looking for their collection; null once one kept them (or none). */
  readonly trailing: Trailing | null;
}

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
      const key = this.key(at, lines.end[line] as number);
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
        this.key(at, lineEnd) === undefined
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
   * A scalar starting at `at` on the current line, in a collection at `column`; moves to the
   * line after it. Flow scalars end (range[2]) after their line's comment and newline.
   */
  private inline(at: number, column: number): Parsed & { readonly flow: boolean } {
    const { lines, text } = this;
    const line = this.line;
    const lineEnd = lines.end[line] as number;
    const c = text.charCodeAt(at);
    this.count();
    if (c === 124 || c === 62) return { ...this.blockScalar(at, column), flow: false };
    let value: string;
    let end: number;
    let plain = false;
    if (c === 39 || c === 34) {
      const quoted = c === 39 ? singleQuoted(text, at, lineEnd) : doubleQuoted(text, at, lineEnd);
      ({ value, end } = quoted);
      let rest = end;
      while (text.charCodeAt(rest) === 32) rest++;
      if (rest < lineEnd && (text.charCodeAt(rest) !== 35 || rest === end)) throw UNSUPPORTED;
    } else {
      end = plainEnd(text, at, lineEnd);
      value = text.slice(at, end);
      plain = true;
    }
    this.line = line + 1;
    const node: YamlNode = {
      kind: 'scalar',
      value: plain ? resolvePlainScalar(value) : value,
      plain,
      span: span(at, end),
    };
    return { node, end: Math.min(lineEnd + 1, text.length), trailing: null, flow: true };
  }

  /** `|`, `|-`, `>` or `>-` at `at`, in a collection at `column`. */
  private blockScalar(at: number, column: number): Parsed {
    const { lines, text } = this;
    const line = this.line;
    const folded = text.charCodeAt(at) === 62;
    const strip = text.charCodeAt(at + 1) === 45;
    let rest = at + (strip ? 2 : 1);
    const lineEnd = lines.end[line] as number;
    if (rest < lineEnd && text.charCodeAt(rest) !== 32) throw UNSUPPORTED;
    while (text.charCodeAt(rest) === 32) rest++;
    if (rest < lineEnd && text.charCodeAt(rest) !== 35) throw UNSUPPORTED;
    const first = line + 1;
    if (first >= lines.count || lines.kind[first] === 'blank') throw UNSUPPORTED;
    const indent = lines.indent[first] as number;
    if (indent <= column) throw UNSUPPORTED;
    let last = first;
    for (let l = first + 1; l < lines.count; l++) {
      if (lines.kind[l] === 'blank') continue;
      if ((lines.indent[l] as number) < indent || lines.kind[l] === 'doc-start') break;
      last = l;
    }
    // Blank lines after the last text line belong to it only when more indented than it.
    for (let l = last + 1; l < lines.count && lines.kind[l] === 'blank'; l++) {
      if ((lines.end[l] as number) - (lines.start[l] as number) > indent) last = l;
    }
    const content: string[] = [];
    for (let l = first; l <= last; l++) content.push(text.slice(lines.start[l], lines.end[l]));
    const end = Math.min((lines.end[last] as number) + 1, text.length);
    this.line = last + 1;
    const value = blockScalarValue(content, indent, folded, strip);
    return {
      node: { kind: 'scalar', value, plain: false, span: span(at, end) },
      end,
      trailing: null,
    };
  }

  /**
   * The comment and blank lines after a scalar value in a collection at `column`: comment lines
   * indented deeper than the collection belong to a flow scalar's node (until a shallower one);
   * the rest trail it. Moves to the next content line.
   */
  private trail(value: Parsed & { readonly flow: boolean }, column: number): Parsed {
    const { lines, text } = this;
    let end = value.end;
    let attaching = value.flow;
    const commentColumns: number[] = [];
    let l = this.line;
    for (; l < lines.count; l++) {
      const kind = lines.kind[l] as LineKind;
      if (kind === 'blank') continue;
      if (kind !== 'comment') break;
      const indent = lines.indent[l] as number;
      if (attaching && indent > column) end = Math.min((lines.end[l] as number) + 1, text.length);
      else {
        attaching = false;
        commentColumns.push(indent);
      }
    }
    this.line = l;
    return { node: value.node, end, trailing: { end: this.tokenAt(l), commentColumns } };
  }

  /** A map key at `at` (plain or quoted, then `:` and a space or the line's end), or undefined. */
  private key(
    at: number,
    lineEnd: number,
  ): { text: string; end: number; after: number } | undefined {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 39 || c === 34) {
      const quoted = c === 39 ? singleQuoted(text, at, lineEnd) : doubleQuoted(text, at, lineEnd);
      if (text.charCodeAt(quoted.end) !== 58) return undefined;
      const after = quoted.end + 1;
      if (after < lineEnd && text.charCodeAt(after) !== 32) throw UNSUPPORTED;
      return { text: quoted.value, end: quoted.end, after };
    }
    let colon = at;
    while (
      colon < lineEnd &&
      (text.charCodeAt(colon) !== 58 || (colon + 1 < lineEnd && text.charCodeAt(colon + 1) !== 32))
    )
      colon++;
    if (colon >= lineEnd) return undefined;
    const end = plainEnd(text, at, colon);
    // `a #b: c` (a comment), `key : v`, `<<` merge keys and long keys: the `yaml` path.
    if (end !== colon || colon - at > 1000 || text.startsWith('<<', at)) throw UNSUPPORTED;
    return { text: text.slice(at, colon), end: colon, after: colon + 1 };
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

  /** Where the token of line `line` starts: its first character, or the text's end. */
  private tokenAt(line: number): number {
    const { lines } = this;
    if (line >= lines.count) return this.text.length;
    return (lines.start[line] as number) + (lines.indent[line] as number);
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

/**
 * Where a plain scalar starting at `at` ends before `limit`: at a comment (` #`) or the limit,
 * trailing spaces left out. Plain scalars that start with an indicator or hold `: ` (a nested
 * map on one line, an error) are Unsupported.
 */
function plainEnd(text: string, at: number, limit: number): number {
  const c = text.charAt(at);
  if (',[]{}#&*!|>\'"%@`'.includes(c)) throw UNSUPPORTED;
  if ('-?:'.includes(c)) {
    const next = text.charCodeAt(at + 1);
    if (at + 1 >= limit || next === 32) throw UNSUPPORTED;
  }
  let end = limit;
  for (let i = at + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && text.charCodeAt(i - 1) === 32) {
      end = i;
      break;
    }
    if (c === 58 && text.charCodeAt(i + 1) === 32) throw UNSUPPORTED;
  }
  // A value ending in `:` would be a key.
  if (end === limit && text.charCodeAt(end - 1) === 58) throw UNSUPPORTED;
  while (end > at && text.charCodeAt(end - 1) === 32) end--;
  if (end === at) throw UNSUPPORTED;
  return end;
}
