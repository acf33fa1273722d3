// `spelunk hunt [--content DIR]... [--sigma DIR]... [--detection NAME]... <path>...`: every detection over every input, ranked by risk.
import { type Command, Option } from 'commander';
import { error, formatDiagnostics, hasErrors } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import {
  DEFAULT_INCIDENT_OPTIONS,
  HUNT_CODES,
  openWorkspace,
  runHunt,
} from '../../engine/index.ts';
import { formatInputSummary, hasInputProblems, problemDiagnostic } from '../../ingest/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { openOutput, parseNumbers, reportSetup } from '../hunt/hunt-options.ts';
import { createHuntOutput, HUNT_FORMATS, type HuntFormat } from '../hunt/hunt-output.ts';
import { createProgressDisplay } from '../hunt/progress-bar.ts';
import { openRiskOut, type RiskOutWriter } from '../hunt/risk-out.ts';
import type { CliCommand } from './index.ts';
import {
  addOptions,
  collect,
  contentOption,
  type DataModelCliOptions,
  dataModelsOption,
  type InputCliOptions,
  inputOptions,
  inputReadOptions,
  type KnowledgeCliOptions,
  knowledgeOptions,
  knowledgeWorkspaceOptions,
  maxMemoryBytes,
  maxMemoryOption,
} from './shared-options.ts';

export interface HuntCommandOptions
  extends InputCliOptions,
    KnowledgeCliOptions,
    DataModelCliOptions {
  readonly content: readonly string[];
  readonly sigma: readonly string[];
  readonly sigmaMapping?: string;
  readonly detection: readonly string[];
  readonly format: HuntFormat;
  readonly out?: string;
  readonly riskOut?: string;
  readonly riskThreshold?: string;
  readonly riskWindow?: string;
  readonly failOnFindings: boolean;
  /** Print every content/Sigma warning instead of a count per code. */
  readonly warnings?: boolean;
  readonly progress?: boolean;
  readonly maxFindings?: string;
  /** `--max-memory`, in MB. */
  readonly maxMemory?: number;
}

export interface HuntIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where the progress bar draws (only when it is a terminal). */
  readonly progressStream?: NodeJS.WriteStream;
  readonly stdin?: AsyncIterable<Uint8Array>;
}

export const huntCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('hunt')
      .description(
        'Run every enabled detection (SPL and Sigma) over event files in one pass; findings ranked by risk',
      )
      .argument('<paths...>', 'files or directories to read; - reads stdin');
    addOptions(
      command,
      contentOption(),
      new Option('--sigma <file|dir>', 'Sigma rules to run as well (repeatable)')
        .argParser(collect)
        .default([]),
      new Option('--sigma-mapping <file>', 'Sigma logsource mapping (spelunk or THOR format)'),
      new Option(
        '--detection <name>',
        'run only this detection or Sigma rule: name, title or id (repeatable)',
      )
        .argParser(collect)
        .default([]),
      new Option('-f, --format <format>', 'output format').choices(HUNT_FORMATS).default('table'),
      new Option('-o, --out <file>', 'write the output to a file instead of stdout'),
      new Option(
        '--risk-out <file>',
        'write the risk events as JSON lines (read them with spelunk search index=risk)',
      ),
      new Option(
        '--risk-threshold <score>',
        `risk incident threshold (default ${DEFAULT_INCIDENT_OPTIONS.threshold})`,
      ),
      new Option(
        '--risk-window <duration>',
        'risk incident window: 24h, 90m, 7d, or seconds (default 24h)',
      ),
      new Option('--fail-on-findings', 'exit 1 when anything is found (for CI)').default(false),
      new Option(
        '--max-findings <n>',
        'findings kept per detection for the report (default 10000)',
      ),
      new Option('--warnings', 'print every content and Sigma warning, not a count per code'),
      new Option('--no-progress', 'never draw the progress bar'),
      knowledgeOptions(),
      dataModelsOption(),
      inputOptions(),
      maxMemoryOption(),
    ).action(async (paths: string[], options: HuntCommandOptions) => {
      process.exitCode = await runHuntCommand(paths, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progressStream: process.stderr,
      });
    });
  },
};

/**
 * check options → open the workspace (content, Sigma, knowledge) → run the hunt (progress on stderr,
 * findings and risk events streamed) → warnings, then the output → input summary → exit code.
 */
export async function runHuntCommand(
  paths: readonly string[],
  options: HuntCommandOptions,
  io: HuntIo,
): Promise<number> {
  const usage = parseNumbers(options);
  if ('message' in usage) {
    io.err(`error: ${usage.message}\n`);
    return EXIT_USAGE;
  }
  const workspace = openWorkspace({
    content: options.content.length > 0 ? options.content : [BUILTIN_CONTENT_DIR],
    sigma: options.sigma,
    select: options.detection,
    ...knowledgeWorkspaceOptions(options),
    ...(options.sigmaMapping === undefined ? {} : { sigmaMapping: options.sigmaMapping }),
  });
  const mappingProblems = workspace.problems['sigma-mapping'];
  if (hasErrors(mappingProblems)) {
    io.err(`${formatDiagnostics(mappingProblems)}\n`);
    return EXIT_USAGE;
  }
  reportSetup(workspace, options.warnings === true, io);
  if (workspace.diagnostics.some((d) => d.code === HUNT_CODES.unknownDetection)) return EXIT_USAGE;
  if (workspace.detections.length === 0 && (workspace.sigma?.rules.length ?? 0) === 0) {
    io.err(
      `${formatDiagnostics([error(HUNT_CODES.nothingToRun, 'no enabled detection or active Sigma rule to run')])}\n`,
    );
    return EXIT_FAILURE;
  }

  const output = openOutput(options.out, io.out);
  let riskOut: RiskOutWriter | undefined;
  try {
    if (options.riskOut !== undefined)
      riskOut = openRiskOut(options.riskOut, `spelunk_hunt_${Date.now()}`);
  } catch (cause) {
    io.err(`error: cannot write --risk-out ${options.riskOut}: ${(cause as Error).message}\n`);
    output.close();
    return EXIT_USAGE;
  }
  const writer = createHuntOutput(options.format, output.write, {
    inputs: paths,
    riskOut: options.riskOut,
    rowsPerDetection: 50,
    drilldownsPerDetection: 2,
  });
  const display =
    options.progress === false || io.progressStream === undefined
      ? undefined
      : createProgressDisplay(io.progressStream);
  const report = await runHunt(
    workspace,
    paths,
    {
      input: { ...inputReadOptions(options), ...(io.stdin ? { stdin: io.stdin } : {}) },
      incidents: usage.incidents,
      ...(usage.maxFindings === undefined ? {} : { maxKeptFindings: usage.maxFindings }),
      maxMemoryBytes: maxMemoryBytes(options),
    },
    {
      onFinding: (finding) => writer.finding(finding),
      ...(riskOut ? { onRiskEvent: (risk) => riskOut?.write(risk) } : {}),
      ...(display ? { onProgress: (p) => display.update(p) } : {}),
    },
  );
  display?.stop();
  riskOut?.close();
  if (report.diagnostics.length > 0) io.err(`${formatDiagnostics(report.diagnostics)}\n\n`);
  writer.end(report);
  output.close();
  if (report.inputs !== undefined && hasInputProblems(report.inputs)) {
    io.err(`${formatInputSummary(report.inputs)}\n`);
    if (options.strict) {
      io.err(`${formatDiagnostics(report.inputs.problems.map(problemDiagnostic))}\n`);
      return EXIT_FAILURE;
    }
  }
  if (hasErrors(report.diagnostics)) return EXIT_FAILURE;
  if (options.failOnFindings && report.detections.length > 0) return EXIT_FAILURE;
  return EXIT_OK;
}
