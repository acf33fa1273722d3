// What `hunt` and `timeline` do before reading: check the options and every path, open the
// workspace (content, Sigma rules, knowledge) with the triage, report its problems, and decide
// whether the run may go on.
import { type Diagnostic, error, formatDiagnostics, hasErrors } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import {
  type EventDetails,
  type EventTimeRange,
  HUNT_CODES,
  loadEventDetails,
  openWorkspace,
  type Workspace,
} from '../../engine/index.ts';
import {
  type DataModelCliOptions,
  type KnowledgeCliOptions,
  knowledgeWorkspaceOptions,
} from '../commands/shared-options.ts';
import { EXIT_FAILURE, EXIT_USAGE } from '../exit-codes.ts';
import type { ProgressDisplay } from '../hunt/progress-bar.ts';
import { leftOutReasons } from '../hunt/render-summary.ts';
import { type GivenPath, pathProblems } from './check-paths.ts';
import { formatProblems } from './problem-summary.ts';
import { parseTriageOptions, type TriageCliOptions } from './triage-options.ts';

export interface RuleCliOptions extends KnowledgeCliOptions, DataModelCliOptions, TriageCliOptions {
  readonly content: readonly string[];
  readonly sigma: readonly string[];
  readonly sigmaMapping?: string;
  /** False with `--no-sigma-cache`. */
  readonly sigmaCache?: boolean;
  readonly detection: readonly string[];
  /** Print every content and Sigma warning instead of a count per code. */
  readonly warnings?: boolean;
}

export interface OpenedTriage {
  readonly workspace: Workspace;
  readonly timeRange: EventTimeRange | undefined;
  readonly details: EventDetails;
  /**
   * The workspace's warnings not yet printed (all of them unless --warnings): the command prints
   * them with the run's own, in one summary.
   */
  readonly warnings: readonly Diagnostic[];
}

/**
 * options parsed (a bad value: exit 2) → every input and rule path checked (missing or
 * unreadable: exit 1) → the workspace opened (a line on the terminal meanwhile) → a bad Sigma
 * mapping (exit 2); errors printed in full (warnings too with --warnings) → an unknown --detection
 * (exit 2) → broken rules or detections (exit 1 unless --keep-going) → nothing to run (exit 1) →
 * the details table. Returns what the run needs, or the exit code.
 */
export function openTriage(
  paths: readonly string[],
  options: RuleCliOptions,
  io: { readonly err: (text: string) => void; readonly display?: ProgressDisplay },
): OpenedTriage | number {
  const parsed = parseTriageOptions(options);
  if ('message' in parsed) {
    io.err(`error: ${parsed.message}\n`);
    return parsed.kind === 'usage' ? EXIT_USAGE : EXIT_FAILURE;
  }
  const missing = pathProblems(givenPaths(paths, options));
  if (missing.length > 0) {
    io.err(`${missing.join('\n')}\n`);
    return EXIT_FAILURE;
  }
  io.display?.begin('loading and compiling rules');
  const workspace = openWorkspace({
    content: options.content.length > 0 ? options.content : [BUILTIN_CONTENT_DIR],
    sigma: options.sigma,
    select: options.detection,
    triage: parsed.triage,
    ...knowledgeWorkspaceOptions(options),
    ...(options.sigmaMapping === undefined ? {} : { sigmaMapping: options.sigmaMapping }),
    ...(options.sigmaCache === false ? { sigmaCacheDir: null } : {}),
    regexCache: true,
  });
  io.display?.end(readyLine(workspace));
  const mappingProblems = workspace.problems['sigma-mapping'];
  if (hasErrors(mappingProblems)) {
    io.err(`${formatDiagnostics(mappingProblems)}\n`);
    return EXIT_USAGE;
  }
  // Errors now (they may stop the run); warnings now only when all are listed, else summarised
  // at the end with the run's.
  const allWarnings = options.warnings === true;
  io.err(
    formatProblems(
      allWarnings
        ? workspace.diagnostics
        : workspace.diagnostics.filter((d) => d.severity === 'error'),
      allWarnings,
    ),
  );
  const warnings = allWarnings ? [] : workspace.diagnostics.filter((d) => d.severity !== 'error');
  if (workspace.diagnostics.some((d) => d.code === HUNT_CODES.unknownDetection)) return EXIT_USAGE;
  const broken = workspace.diagnostics.filter((d) => d.severity === 'error');
  if (broken.length > 0 && options.keepGoing !== true) {
    io.err(formatProblems(warnings, false));
    io.err(
      `error: ${broken.length.toLocaleString('en-US')} problem${broken.length === 1 ? '' : 's'} in the rules, detections or knowledge above: fix them, or give --keep-going to run what loaded\n`,
    );
    return EXIT_FAILURE;
  }
  if (workspace.detections.length === 0 && (workspace.sigma?.rules.length ?? 0) === 0) {
    io.err(
      `${formatDiagnostics([error(HUNT_CODES.nothingToRun, `no enabled detection or active Sigma rule to run${leftOutNote(workspace)}`)])}\n`,
    );
    return EXIT_FAILURE;
  }
  const details =
    options.details === undefined ? loadEventDetails() : loadEventDetails(options.details);
  if (details.diagnostics.length > 0) {
    io.err(`${formatDiagnostics(details.diagnostics)}\n`);
    return EXIT_FAILURE;
  }
  return { workspace, timeRange: parsed.timeRange, details: details.details, warnings };
}

/** Inputs, then every file the options name. */
function givenPaths(paths: readonly string[], options: RuleCliOptions): GivenPath[] {
  const named = (option: string, list: readonly string[] | undefined) =>
    (list ?? []).map((path) => ({ option, path }));
  return [
    ...paths.map((path) => ({ path })),
    ...named('--content', options.content),
    ...named('--sigma', options.sigma),
    ...named('--sigma-mapping', options.sigmaMapping === undefined ? [] : [options.sigmaMapping]),
    ...named('--props', options.props),
    ...named('--datamodels', options.datamodels),
    ...named('--exclude-rules', options.excludeRules === undefined ? [] : [options.excludeRules]),
    ...named('--noisy-rules', options.noisyRules === undefined ? [] : [options.noisyRules]),
    ...named('--details', options.details === undefined ? [] : [options.details]),
  ];
}

function readyLine(workspace: Workspace): string {
  const parts = [`${workspace.detections.length.toLocaleString('en-US')} detections`];
  const sigma = workspace.sigma?.rules.filter((r) => r.report).length ?? 0;
  if (workspace.sigma !== undefined) parts.push(`${sigma.toLocaleString('en-US')} Sigma rules`);
  return `${parts.join(' and ')} ready${leftOutNote(workspace)}`;
}

/** `; left out: ...` when the triage left rules out. */
function leftOutNote(workspace: Workspace): string {
  const reasons = leftOutReasons(workspace.triage.leftOut());
  return reasons.length === 0 ? '' : `; left out: ${reasons.join(', ')}`;
}
