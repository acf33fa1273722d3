// What a run read and skipped, per file and in total, and how problems become diagnostics.
import { type Diagnostic, error, warning } from '../../core/index.ts';
import type { InputFormatName } from '../formats/input-format.ts';
import type { IngestProblem } from '../read-options.ts';

export interface FileReport {
  /** As the user named it, or as found in a directory; `-` for stdin. */
  readonly path: string;
  /** `empty`: only whitespace. Undefined: refused before a format was chosen. */
  readonly format: InputFormatName | 'empty' | undefined;
  readonly compressed: boolean;
  readonly events: number;
  readonly skipped: number;
  readonly damaged: number;
  /** Why the whole file was not read (unknown format, unreadable, ...). */
  readonly refused: string | undefined;
}

export interface InputSummary {
  readonly files: readonly FileReport[];
  /** Directory entries not read (hidden, or an extension no reader claims). */
  readonly ignored: readonly string[];
  readonly events: number;
  /** Records skipped inside files, plus files refused whole. */
  readonly skipped: number;
  readonly damaged: number;
  readonly refusedFiles: number;
  /** The first problems (all of them up to `MAX_KEPT_PROBLEMS`). */
  readonly problems: readonly IngestProblem[];
  /** Problems beyond those kept (counted, not kept, so memory stays flat). */
  readonly problemsNotKept: number;
}

export const MAX_KEPT_PROBLEMS = 1000;

/** Whether anything was skipped, damaged or refused: `--strict` turns this into a failure. */
export function hasInputProblems(summary: InputSummary): boolean {
  return summary.skipped > 0 || summary.damaged > 0 || summary.refusedFiles > 0;
}

/** An input problem as a diagnostic: skipped records and refused files are errors, damage a warning. */
export function problemDiagnostic(problem: IngestProblem): Diagnostic {
  const where = problem.location === '' ? problem.path : `${problem.path}: ${problem.location}`;
  const make = problem.kind === 'skipped' ? error : warning;
  return make(problem.code ?? 'ING000', printable(problem.message), {
    location: printable(where),
    // Printing caps the problems shown per input file (core/diagnostic.ts).
    input: printable(problem.path),
  });
}

/**
 * One line for the run, then one per file that had problems, e.g.
 *
 *     3 inputs: 12,034 events; 2 records skipped, 0 damaged, 1 input not read
 *       bad.jsonl: 1,200 events, 2 skipped (ING201 x2)
 */
export function formatInputSummary(summary: InputSummary): string {
  const files = summary.files.length;
  const lines = [
    `${plural(files, 'input')}: ${plural(summary.events, 'event')}; ${plural(
      summary.skipped - summary.refusedFiles,
      'record',
    )} skipped, ${summary.damaged.toLocaleString('en-US')} damaged, ${plural(summary.refusedFiles, 'input')} not read`,
  ];
  const codes = codesByFile(summary.problems);
  for (const file of summary.files) {
    if (file.refused !== undefined) {
      lines.push(`  ${printable(file.path)}: not read: ${printable(file.refused)}`);
    } else if (file.skipped > 0 || file.damaged > 0) {
      const counts = [...(codes.get(file.path) ?? new Map<string, number>())]
        .map(([code, n]) => `${code} x${n}`)
        .join(', ');
      lines.push(
        `  ${printable(file.path)}: ${plural(file.events, 'event')}, ${file.skipped} skipped, ${file.damaged} damaged${counts ? ` (${counts})` : ''}`,
      );
    }
  }
  if (summary.problemsNotKept > 0)
    lines.push(`  (${summary.problemsNotKept} more problems not listed)`);
  if (summary.ignored.length > 0) {
    lines.push(
      `  ignored in directories: ${plural(summary.ignored.length, 'entry', 'entries')} (hidden, or not .evtx/.xml/.log/.json/.jsonl/.ndjson/.csv)`,
    );
  }
  return lines.join('\n');
}

function codesByFile(problems: readonly IngestProblem[]): Map<string, Map<string, number>> {
  const byFile = new Map<string, Map<string, number>>();
  for (const problem of problems) {
    const codes = byFile.get(problem.path) ?? new Map<string, number>();
    const code = problem.code ?? 'ING000';
    codes.set(code, (codes.get(code) ?? 0) + 1);
    byFile.set(problem.path, codes);
  }
  return byFile;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** Input text shown to a terminal: control characters (escape sequences) made visible. */
export function printable(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f)) {
      out += `${text.slice(last, i)}\\u${c.toString(16).padStart(4, '0')}`;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
