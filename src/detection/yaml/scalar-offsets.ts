// Maps character offsets of a YAML string value back to the file text it was written as.
//
// A search is parsed as the YAML value (quotes resolved, lines folded, block indentation removed),
// so a span the SPL parser reports is an offset into that value. To draw the caret in the YAML
// file itself, each value character is traced to the file character it came from by re-reading
// the scalar's source (YAML 1.2 §7.3 flow folding, §8.1 block scalars). The trace is checked
// against the value the `yaml` package produced; on any difference there is no map (the caller
// then shows the search on its own), so a wrong caret is never drawn.
import { isScalar, type Node, Scalar } from 'yaml';
import { YAML_DOUBLE_ESCAPES } from '../../core/index.ts';

/** `map[i]` is the parsed-text offset of value character `i`; one extra entry marks the end. */
export type OffsetMap = readonly number[];

export function scalarOffsetMap(text: string, node: Node): OffsetMap | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const traced = traceScalar(text, start, end, node.type);
  if (!traced || traced.value !== node.value) return undefined;
  return [...traced.map, end];
}

interface Traced {
  readonly value: string;
  readonly map: readonly number[];
}

function traceScalar(
  text: string,
  start: number,
  end: number,
  type: Scalar['type'],
): Traced | undefined {
  switch (type) {
    case Scalar.PLAIN:
      return traceFlow(text, start, end, 'plain');
    case Scalar.QUOTE_SINGLE:
      return traceFlow(text, start + 1, end - 1, 'single');
    case Scalar.QUOTE_DOUBLE:
      return traceFlow(text, start + 1, end - 1, 'double');
    case Scalar.BLOCK_LITERAL:
      return traceLiteral(text, start, end);
    default:
      return undefined;
  }
}

/** Flow scalars: folding per §7.3 (one break → space, n breaks → n−1 newlines), then escapes. */
function traceFlow(
  text: string,
  from: number,
  to: number,
  style: 'plain' | 'single' | 'double',
): Traced | undefined {
  const out: string[] = [];
  const map: number[] = [];
  const lines = splitLines(text, from, to);
  let pendingBreaks = 0;
  let breakAt = from;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line === undefined) return undefined;
    let s = line.start;
    let e = line.end;
    if (li > 0) while (s < e && isBlank(text[s])) s++;
    if (li < lines.length - 1) while (e > s && isBlank(text[e - 1])) e--;
    if (li > 0 && s === e && li < lines.length - 1) {
      pendingBreaks++;
      continue;
    }
    if (li > 0) {
      const folded = pendingBreaks === 0 ? ' ' : '\n'.repeat(pendingBreaks);
      for (const c of folded) {
        out.push(c);
        map.push(breakAt);
      }
    }
    pendingBreaks = 0;
    for (let i = s; i < e; i++) {
      const c = text[i] ?? '';
      if (style === 'single' && c === "'" && text[i + 1] === "'") {
        out.push("'");
        map.push(i);
        i++;
      } else if (style === 'double' && c === '\\') {
        const next = text[i + 1] ?? '';
        if (i + 1 >= e) return undefined; // an escaped line break: rare, not traced
        if (next === 'x' || next === 'u' || next === 'U') {
          const digits = next === 'x' ? 2 : next === 'u' ? 4 : 8;
          const code = Number.parseInt(text.slice(i + 2, i + 2 + digits), 16);
          if (Number.isNaN(code)) return undefined;
          out.push(String.fromCodePoint(code));
          map.push(i);
          i += 1 + digits;
        } else {
          const escaped = YAML_DOUBLE_ESCAPES[next];
          if (escaped === undefined) return undefined;
          out.push(escaped);
          map.push(i);
          i++;
        }
      } else {
        out.push(c);
        map.push(i);
      }
    }
    breakAt = line.end;
  }
  return { value: out.join(''), map };
}

/** `|`, `|-`, `|+`, `|2`: lines with the block's indentation removed, chomped at the end. */
function traceLiteral(text: string, start: number, end: number): Traced | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return { value: '', map: [] };
  const header = text
    .slice(start, headerEnd)
    .replace(/\s+#.*$/, '')
    .trim();
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = /\d/.exec(header);
  const lines = splitLines(text, headerEnd + 1, end);
  let indent = explicit ? Number(explicit[0]) : undefined;
  if (indent === undefined) {
    const first = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
    if (!first) return { value: '', map: [] };
    indent = 0;
    while (text[first.start + indent] === ' ') indent++;
  }
  const out: string[] = [];
  const map: number[] = [];
  for (const line of lines) {
    for (let i = Math.min(line.start + indent, line.end); i < line.end; i++) {
      out.push(text[i] ?? '');
      map.push(i);
    }
    out.push('\n');
    map.push(line.end);
  }
  // The range ends after the last line break; splitLines leaves an empty last line for it.
  let lastBreak: number | undefined;
  while (chomp !== 'keep' && out.length > 0 && out[out.length - 1] === '\n') {
    out.pop();
    lastBreak = map.pop();
  }
  if (chomp === 'clip' && out.length > 0) {
    out.push('\n');
    map.push(lastBreak ?? end);
  }
  return { value: out.join(''), map };
}

interface Line {
  readonly start: number;
  /** Before the line break (`\r` excluded). */
  readonly end: number;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\n') {
      lines.push({ start: s, end: text[i - 1] === '\r' ? i - 1 : i });
      s = i + 1;
    }
  }
  if (s < to || lines.length === 0) lines.push({ start: s, end: to });
  return lines;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}
