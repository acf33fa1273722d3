// Problems for a reader: every error in full; warnings in full with `--warnings`, otherwise one
// line per code with how many there were and one of them.
import { type Diagnostic, formatDiagnostics } from '../../core/index.ts';
import { printable } from '../../ingest/index.ts';

/** Example messages longer than this are cut (--warnings prints them whole). */
const EXAMPLE_LENGTH = 200;

/** The text to print (empty when there is nothing), ending with a blank line. */
export function formatProblems(diagnostics: readonly Diagnostic[], allWarnings: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  const parts: string[] = [];
  if (errors.length > 0 || (allWarnings && warnings.length > 0)) {
    parts.push(`${formatDiagnostics(allWarnings ? [...errors, ...warnings] : errors)}\n\n`);
  }
  if (!allWarnings && warnings.length > 0) parts.push(summariseWarnings(warnings));
  return parts.join('');
}

function summariseWarnings(warnings: readonly Diagnostic[]): string {
  const byCode = new Map<string, Diagnostic[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const lines = [
    `${warnings.length.toLocaleString('en-US')} warning${warnings.length === 1 ? '' : 's'} (--warnings lists them all):`,
  ];
  for (const [code, list] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
    const first = list[0] as Diagnostic;
    const message = printable(first.message.replace(/\s+/g, ' '));
    const example =
      message.length > EXAMPLE_LENGTH ? `${message.slice(0, EXAMPLE_LENGTH - 1)}…` : message;
    const where = first.location ?? first.source?.name;
    lines.push(
      `  ${code} x${list.length.toLocaleString('en-US')}, e.g. ${example}${where === undefined ? '' : ` (${printable(where)})`}`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
