// The scalar nodes of the fast Sigma YAML reader (fast-yaml.ts): a key or a value on one line, a
// block scalar over the lines after its indicator, and the comment lines that trail a value.
// Whatever is outside the subset throws UNSUPPORTED (the `yaml` package path reads it).
import { span } from '../../core/index.ts';
import { blockScalarValue, doubleQuoted, singleQuoted, UNSUPPORTED } from './fast-scalars.ts';
import { resolvePlainScalar } from './pyyaml-scalar.ts';
import type { LineKind, TextLines } from './text-lines.ts';
import type { YamlNode } from './yaml-node.ts';

/** Comment and blank lines after a collection's last value: where they end, comments' columns. */
export interface Trailing {
  readonly end: number;
  readonly commentColumns: readonly number[];
}

/** A parsed value: its node, where the `yaml` package's node ends (range[2]), what trails it. */
export interface Parsed {
  readonly node: YamlNode;
  readonly end: number;
  /** Trailing lines still looking for their collection; null once one kept them (or none). */
  readonly trailing: Trailing | null;
}

/** A scalar value and the line after it (the reader's next line). */
export interface ScalarAt extends Parsed {
  /** A plain or quoted scalar on its line (not a block scalar). */
  readonly flow: boolean;
  readonly next: number;
}

/**
 * A scalar starting at `at` on line `line`, in a collection at `column`. Flow scalars end
 * (range[2]) after their line's comment and newline.
 */
export function inlineScalar(
  text: string,
  lines: TextLines,
  line: number,
  at: number,
  column: number,
): ScalarAt {
  const lineEnd = lines.end[line] as number;
  const c = text.charCodeAt(at);
  if (c === 124 || c === 62) return blockScalar(text, lines, line, at, column);
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
  const node: YamlNode = {
    kind: 'scalar',
    value: plain ? resolvePlainScalar(value) : value,
    plain,
    span: span(at, end),
  };
  return {
    node,
    end: Math.min(lineEnd + 1, text.length),
    trailing: null,
    flow: true,
    next: line + 1,
  };
}

/** `|`, `|-`, `>` or `>-` at `at` on line `line`, in a collection at `column`. */
function blockScalar(
  text: string,
  lines: TextLines,
  line: number,
  at: number,
  column: number,
): ScalarAt {
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
  const value = blockScalarValue(content, indent, folded, strip);
  return {
    node: { kind: 'scalar', value, plain: false, span: span(at, end) },
    end,
    trailing: null,
    flow: false,
    next: last + 1,
  };
}

/**
 * The comment and blank lines from line `from` on, after a scalar value in a collection at
 * `column`: comment lines indented deeper than the collection belong to a flow scalar's node
 * (until a shallower one); the rest trail it. `next` is the next content line.
 */
export function trailingLines(
  text: string,
  lines: TextLines,
  from: number,
  value: ScalarAt,
  column: number,
): Parsed & { readonly next: number } {
  let end = value.end;
  let attaching = value.flow;
  const commentColumns: number[] = [];
  let l = from;
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
  return {
    node: value.node,
    end,
    trailing: { end: tokenAt(text, lines, l), commentColumns },
    next: l,
  };
}

/** Where the token of line `line` starts: its first character, or the text's end. */
export function tokenAt(text: string, lines: TextLines, line: number): number {
  if (line >= lines.count) return text.length;
  return (lines.start[line] as number) + (lines.indent[line] as number);
}

/** A map key at `at` (plain or quoted, then `:` and a space or the line's end), or undefined. */
export function mapKey(
  text: string,
  at: number,
  lineEnd: number,
): { text: string; end: number; after: number } | undefined {
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
