// PyYAML compatibility: indents continuation lines of quoted scalars that start in column 0 (used
// by the YAML front door, read-yaml.ts).
//
// YAML 1.2 (§7.3, flow scalars in block context) requires every continuation line of a multi-line
// quoted scalar to be indented deeper than its mapping key. PyYAML, which contentctl uses, does not
// check this, and a few ESCU files rely on it (a `search: '...` whose pipes start each line in
// column 0). The `yaml` package rightly rejects them, so the loader retries such a file once with
// those lines indented by this pass and reports a warning; nothing else in the text changes.

/** An insertion of `count` spaces at offset `at` of the original text. */
interface Insertion {
  readonly at: number;
  readonly count: number;
}

export interface IndentedText {
  readonly text: string;
  /** Original offsets of the first character of each line that was indented. */
  readonly repairedLines: readonly number[];
  /** Maps an offset in `text` back to the original text. */
  toOriginal(offset: number): number;
}

/** `key: '...` or `- '...` (a value that opens a quoted scalar), with the key's indentation. */
const OPENS_QUOTED = /^( *)(- +)?([^\s#'"][^#]*?: +)?(['"])/;
/** `key: |` or `key: >-` (a block scalar, whose lines are content and never scanned). */
const OPENS_BLOCK = /^( *)(?:- +)?(?:[^\s#'"][^#]*?: +)?[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * Returns the text with under-indented continuation lines of quoted scalars indented one column
 * deeper than their key, or undefined when there is no such line.
 */
export function indentQuotedContinuations(text: string): IndentedText | undefined {
  const insertions: Insertion[] = [];
  const repairedLines: number[] = [];
  let lineStart = 0;
  let open: { quote: string; minIndent: number } | undefined;
  let blockIndent: number | undefined;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    let scanFrom = 0;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockIndent = undefined;
    if (open) {
      if (line.trim() !== '' && indent < open.minIndent) {
        insertions.push({ at: lineStart, count: open.minIndent - indent });
        repairedLines.push(lineStart);
      }
    } else if (OPENS_BLOCK.test(line)) {
      blockIndent = indent;
    } else {
      const match = OPENS_QUOTED.exec(line);
      if (match) {
        const [, spaces = '', dash = '', key, quote = "'"] = match;
        // The scalar belongs to the key's mapping (or to the sequence when there is no key).
        const ownerColumn = key === undefined ? spaces.length : spaces.length + dash.length;
        open = { quote, minIndent: ownerColumn + 1 };
        scanFrom = match[0].length;
      }
    }
    if (open && closesQuote(line, scanFrom, open.quote)) open = undefined;
    lineStart = lineEnd + 1;
  }
  if (insertions.length === 0) return undefined;
  return {
    text: applyInsertions(text, insertions),
    repairedLines,
    toOriginal: (offset) => toOriginalOffset(insertions, offset),
  };
}

/** Whether the quoted scalar still open at `from` closes on this line. */
function closesQuote(line: string, from: number, quote: string): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === "'" && c === "'") {
      if (line[i + 1] === "'") {
        i++;
        continue;
      }
      return true;
    }
    if (quote === '"') {
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '"') return true;
    }
  }
  return false;
}

function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const insertion of insertions) {
    parts.push(text.slice(from, insertion.at), ' '.repeat(insertion.count));
    from = insertion.at;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function toOriginalOffset(insertions: readonly Insertion[], offset: number): number {
  let shift = 0;
  for (const insertion of insertions) {
    const insertedAt = insertion.at + shift;
    if (offset < insertedAt) break;
    if (offset < insertedAt + insertion.count) return insertion.at;
    shift += insertion.count;
  }
  return offset - shift;
}
