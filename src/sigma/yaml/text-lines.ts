// The lines of a YAML text as the fast reader (fast-yaml.ts) walks them: where each starts and
// ends, its indentation and what it holds.
import { UNSUPPORTED } from './fast-scalars.ts';

/** Only spaces; a comment (`#` first); anything else; a `---` document start in column 0. */
export type LineKind = 'blank' | 'comment' | 'content' | 'doc-start';

export interface TextLines {
  readonly count: number;
  /** Offset of each line's first character. */
  readonly start: readonly number[];
  /** Offset of each line's newline (or the text's end). */
  readonly end: readonly number[];
  /** Spaces before each line's first other character (a blank line's length). */
  readonly indent: readonly number[];
  readonly kind: readonly LineKind[];
}

/** The text's lines; `---` with more on its line and `...` markers are Unsupported. */
export function linesOf(text: string): TextLines {
  const start: number[] = [];
  const end: number[] = [];
  const indent: number[] = [];
  const kind: LineKind[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let first = from;
    while (first < to && text.charCodeAt(first) === 32) first++;
    start.push(from);
    end.push(to);
    indent.push(first - from);
    if (first === to) kind.push('blank');
    else if (text.charCodeAt(first) === 35) kind.push('comment');
    else if (first === from && (text.startsWith('---', from) || text.startsWith('...', from))) {
      const after = from + 3;
      if (after < to && text.charCodeAt(after) !== 32) kind.push('content');
      else if (after === to && text.startsWith('---', from)) kind.push('doc-start');
      else throw UNSUPPORTED;
    } else kind.push('content');
    from = to + 1;
  }
  return { count: start.length, start, end, indent, kind };
}
