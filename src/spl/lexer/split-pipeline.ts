// The tokenize stage: cuts a search into command slices at top-level `|`, outside quotes and
// subsearch brackets, and reports unbalanced quotes and brackets.
import { type Diagnostic, error, type Span, span } from '../../core/index.ts';
import { readQuoted } from './quoted.ts';

/** The text of one command, between two top-level pipes (pipe excluded). */
export interface CommandSlice {
  readonly start: number;
  readonly end: number;
  /** The `|` that opened this slice; absent for the first slice. */
  readonly pipe?: Span;
}

export interface SplitPipeline {
  readonly slices: readonly CommandSlice[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Syntax errors kept per parse (more are not located: SPL014 says parsing stopped). */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Splits `text[start, end)`. A `|` counts only outside `"..."` and outside `[...]`; `\|` is an
 * escaped pipe (Search Reference, search: "Quotes and escaping characters").
 */
export function splitPipeline(text: string, start: number, end: number): SplitPipeline {
  const slices: CommandSlice[] = [];
  const diagnostics: Diagnostic[] = [];
  // One beyond the limit, so the parser sees that there were more.
  const keep = (d: Diagnostic) => {
    if (diagnostics.length <= MAX_SYNTAX_ERRORS) diagnostics.push(d);
  };
  const brackets: number[] = [];
  let sliceStart = start;
  let pipe: Span | undefined;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') {
      const q = readQuoted(text, i, end, '"');
      if (!q.terminated) {
        keep(error('SPL001', 'unterminated quoted string', { span: span(i, i + 1) }));
      }
      i = q.end;
      continue;
    }
    if (c === '[') brackets.push(i);
    else if (c === ']') {
      if (brackets.length === 0) {
        keep(error('SPL002', 'unmatched "]"', { span: span(i, i + 1) }));
      } else brackets.pop();
    } else if (c === '|' && brackets.length === 0) {
      slices.push(pipe ? { start: sliceStart, end: i, pipe } : { start: sliceStart, end: i });
      pipe = span(i, i + 1);
      sliceStart = i + 1;
    }
    i++;
  }
  for (const open of brackets.slice(0, MAX_SYNTAX_ERRORS + 1)) {
    keep(error('SPL002', 'unclosed "[": subsearch has no "]"', { span: span(open, open + 1) }));
  }
  slices.push(pipe ? { start: sliceStart, end, pipe } : { start: sliceStart, end });
  return { slices, diagnostics };
}

/** Offset of the `]` closing the `[` at `open`, skipping quotes and nested brackets; -1 if none. */
export function findClosingBracket(text: string, open: number, end: number): number {
  let depth = 0;
  let i = open;
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') {
      i = readQuoted(text, i, end, '"').end;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}
