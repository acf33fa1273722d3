// Diagnostics: one problem type for every stage, and the one renderer that draws the caret.
import { lineColumnAt, type Span } from './span.ts';

export type Severity = 'error' | 'warning';

/** A text a span points into: an SPL search, a YAML file, a macro definition. */
export interface SourceText {
  /** Shown after `-->`: a file path, or a label such as `search`. */
  readonly name: string;
  readonly text: string;
}

export interface DiagnosticNote {
  readonly message: string;
  readonly source?: SourceText;
  readonly span?: Span;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code such as `SPL101`; tests and docs rely on it. */
  readonly code: string;
  readonly message: string;
  /** The text `span` points into. */
  readonly source?: SourceText;
  readonly span?: Span;
  /** Where there is no text span: `file.evtx chunk 3 @0x11000`, `events.jsonl:12`. */
  readonly location?: string;
  /**
   * The input the problem is about (a file path), when neither `source` nor `location` names it
   * alone: printing caps how many diagnostics it shows per input.
   */
  readonly input?: string;
  readonly notes?: readonly DiagnosticNote[];
  /**
   * The facts behind the message, for programs: `{ command: 'iplocation' }` for a command that
   * cannot run. Code decides on these and on `code`, never on the message's words.
   */
  readonly data?: Readonly<Record<string, string | number>>;
}

export function error(
  code: string,
  message: string,
  where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic {
  return { severity: 'error', code, message, ...where };
}

export function warning(
  code: string,
  message: string,
  where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic {
  return { severity: 'warning', code, message, ...where };
}

/** Thrown when a stage gives up; carries every problem that stage collected. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Renders rustc-style:
 *
 *     error[SPL101]: unknown command "foo"
 *       --> search:1:11
 *        |
 *      1 | index=x | foo bar
 *        |           ^^^
 *        = note: commands are listed by `spelunk commands`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const lines = [`${d.severity}[${d.code}]: ${d.message}`];
  if (d.source && d.span) {
    lines.push(...formatSnippet(d.source, d.span));
  } else if (d.location) {
    lines.push(`  --> ${d.location}`);
  } else if (d.source) {
    lines.push(`  --> ${d.source.name}`);
  }
  for (const note of d.notes ?? []) {
    const source = note.source ?? d.source;
    if (source && note.span) {
      lines.push(`  = note: ${note.message}`, ...formatSnippet(source, note.span));
    } else {
      lines.push(`  = note: ${note.message}`);
    }
  }
  return lines.join('\n');
}

/** At most this many diagnostics are printed per input; the rest are counted in one line. */
export const MAX_PRINTED_PER_INPUT = 20;

/**
 * Renders diagnostics for a terminal or a log, at most `MAX_PRINTED_PER_INPUT` per input (a
 * search, a file): hostile input can hold thousands of errors, and each is located anyway.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const printer = new DiagnosticPrinter();
  const shown: string[] = [];
  for (const d of diagnostics) {
    const text = printer.format(d);
    if (text !== undefined) shown.push(text);
  }
  const rest = printer.finish();
  if (rest !== undefined) shown.push(rest);
  return shown.join('\n\n');
}

/** Formats diagnostics one at a time (as they happen), capped per input; `finish` counts the rest. */
export class DiagnosticPrinter {
  private readonly printed = new Map<string, number>();
  private readonly withheld = new Map<string, number>();
  private readonly limit: number;

  constructor(limit = MAX_PRINTED_PER_INPUT) {
    this.limit = limit;
  }

  /** The rendered diagnostic, or undefined when its input already had `limit` printed. */
  format(d: Diagnostic): string | undefined {
    const input = inputOf(d);
    const count = this.printed.get(input) ?? 0;
    if (count >= this.limit) {
      this.withheld.set(input, (this.withheld.get(input) ?? 0) + 1);
      return undefined;
    }
    this.printed.set(input, count + 1);
    return formatDiagnostic(d);
  }

  /** One line per input whose diagnostics were not all printed; undefined when none. */
  finish(): string | undefined {
    if (this.withheld.size === 0) return undefined;
    return [...this.withheld]
      .map(([input, n]) => `note: ${n} more problem(s) in ${input || 'the input'} not shown`)
      .join('\n');
  }
}

function inputOf(d: Diagnostic): string {
  return d.input ?? d.source?.name ?? d.location ?? '';
}

/** The caret line shows at most this many characters of the line around the span. */
export const EXCERPT_CHARS = 120;

function formatSnippet(source: SourceText, span: Span): string[] {
  const { line, column } = lineColumnAt(source.text, span.start);
  const lineStart = span.start - (column - 1);
  let lineEnd = source.text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.text.length;
  if (source.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  // A long line (a one-line search, minified YAML) is shown as a window around the span.
  const from = Math.max(
    lineStart,
    Math.min(span.start - EXCERPT_CHARS / 3, lineEnd - EXCERPT_CHARS),
  );
  const to = Math.min(lineEnd, from + EXCERPT_CHARS);
  const head = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  const shown = source.text.slice(from, to);
  const width = Math.max(1, Math.min(span.end, to) - span.start);
  // Tabs in the line are kept in the caret line's prefix so the caret stays aligned.
  const prefix = head.replace('…', ' ') + shown.slice(0, span.start - from).replace(/[^\t]/g, ' ');
  return [
    `${pad}--> ${source.name}:${line}:${column}`,
    `${pad} |`,
    `${line} | ${head}${shown}${tail}`,
    `${pad} | ${prefix}${'^'.repeat(Math.min(width, EXCERPT_CHARS))}`,
  ];
}
