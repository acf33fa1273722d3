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

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n\n');
}

function formatSnippet(source: SourceText, span: Span): string[] {
  const { line, column } = lineColumnAt(source.text, span.start);
  const lineStart = span.start - (column - 1);
  let lineEnd = source.text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.text.length;
  const lineText = source.text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const width = Math.max(1, Math.min(span.end, lineStart + lineText.length) - span.start);
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  // Tabs in the line are kept in the caret line's prefix so the caret stays aligned.
  const prefix = lineText.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return [
    `${pad}--> ${source.name}:${line}:${column}`,
    `${pad} |`,
    `${line} | ${lineText}`,
    `${pad} | ${prefix}${'^'.repeat(width)}`,
  ];
}
