// How a command ends on its inputs' problems: an input not read at all (missing, unreadable, an
// archive, content of another format than --input-format) fails the command; with --strict, so
// does any record skipped or damaged.
import { formatDiagnostics } from '../../core/index.ts';
import {
  formatInputSummary,
  hasInputProblems,
  type InputSummary,
  problemDiagnostic,
} from '../../ingest/index.ts';
import { EXIT_FAILURE } from '../exit-codes.ts';

/** Prints the summary when anything went wrong; EXIT_FAILURE when the command must fail. */
export function reportInputs(
  summary: InputSummary | undefined,
  strict: boolean,
  err: (text: string) => void,
  options: { readonly alwaysSummary?: boolean } = {},
): number | undefined {
  if (summary === undefined) return undefined;
  const problems = hasInputProblems(summary);
  if (problems || options.alwaysSummary === true) err(`${formatInputSummary(summary)}\n`);
  if (summary.refusedFiles > 0) {
    const n = summary.refusedFiles;
    err(`error: ${n.toLocaleString('en-US')} input${n === 1 ? '' : 's'} not read (listed above)\n`);
    return EXIT_FAILURE;
  }
  if (strict && problems) {
    err(`${formatDiagnostics(summary.problems.map(problemDiagnostic))}\n`);
    return EXIT_FAILURE;
  }
  return undefined;
}
