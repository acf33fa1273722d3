// `spelunk hunt [--content DIR]... [--sigma DIR]... [--detection NAME]... <path>...`: every
// detection over every input, grouped by detection and ranked by severity, then time.
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { hasErrors } from '../../core/index.ts';
import { DEFAULT_INCIDENT_OPTIONS, runHunt } from '../../engine/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { limitHeapGrowth } from '../hunt/heap-growth.ts';
import { reportAssets } from '../hunt/html/render-html.ts';
import { writeHtmlReport } from '../hunt/html/write-html-report.ts';
import { openOutput, parseNumbers } from '../hunt/hunt-options.ts';
import { createHuntOutput, HUNT_FORMATS, type HuntFormat } from '../hunt/hunt-output.ts';
import { createProgressDisplay } from '../hunt/progress-bar.ts';
import { openRiskOut, type RiskOutWriter } from '../hunt/risk-out.ts';
import { reportInputs } from '../triage/input-exit.ts';
import { openTriage, type RuleCliOptions } from '../triage/open-triage.ts';
import { formatProblems } from '../triage/problem-summary.ts';
import { ruleOptions, runOptions } from '../triage/rule-options.ts';
import { runSummaryLine } from '../triage/run-summary.ts';
import type { CliCommand } from './index.ts';
import {
  addOptions,
  type InputCliOptions,
  inputReadOptions,
  maxMemoryBytes,
  maxMemoryOption,
} from './shared-options.ts';

export interface HuntCommandOptions extends InputCliOptions, RuleCliOptions {
  readonly format: HuntFormat;
  readonly out?: string;
  readonly riskOut?: string;
  /** A self-contained HTML report written here. */
  readonly html?: string;
  readonly riskThreshold?: string;
  readonly riskWindow?: string;
  readonly failOnFindings: boolean;
  readonly progress?: boolean;
  readonly maxFindings?: string;
  /** `--max-memory`, in MB. */
  readonly maxMemory?: number;
  /** `--sigma-thread`: match the Sigma rules on a worker thread. */
  readonly sigmaThread?: boolean;
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
        'Run every enabled detection (SPL and Sigma) over event files in one pass; findings grouped by detection, most severe first',
      )
      .argument('<paths...>', 'files or directories to read; - reads stdin');
    addOptions(
      command,
      ruleOptions(),
      new Option('-f, --format <format>', 'output format').choices(HUNT_FORMATS).default('table'),
      new Option(
        '-o, --out <file>',
        'write the output to a file instead of stdout (a short summary is still printed)',
      ),
      new Option('--html <file>', 'also write a self-contained HTML report (opens offline)'),
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
      new Option(
        '--sigma-thread',
        'match the Sigma rules on a worker thread that reads the inputs again (files only; same findings; faster on an idle machine with 2 or more cores, ~90 MB more memory)',
      ),
      runOptions(),
      maxMemoryOption(),
    ).action(async (paths: string[], options: HuntCommandOptions) => {
      // The whole process is the hunt's: its heap may stay close to what it holds.
      limitHeapGrowth();
      process.exitCode = await runHuntCommand(paths, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progressStream: process.stderr,
      });
    });
  },
};

/**
 * check options and paths → open the workspace (content, Sigma, knowledge, triage) → run the
 * hunt (progress on stderr, findings and risk events streamed) → problems, then the output (and a
 * short summary when it went to a file) → input summary → exit code.
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
  const display =
    options.progress === false || io.progressStream === undefined
      ? undefined
      : createProgressDisplay(io.progressStream);
  const opened = openTriage(paths, options, { err: io.err, ...(display ? { display } : {}) });
  if (typeof opened === 'number') return opened;
  const { workspace, timeRange, details } = opened;
  if (options.html !== undefined) {
    // Before the hunt: a report that cannot be written is known now, not after an hour of reading.
    try {
      reportAssets();
      writeFileSync(options.html, '');
    } catch (cause) {
      io.err(`error: cannot write --html ${options.html}: ${(cause as Error).message}\n`);
      return EXIT_USAGE;
    }
  }

  let riskOut: RiskOutWriter | undefined;
  try {
    if (options.riskOut !== undefined)
      riskOut = openRiskOut(options.riskOut, `spelunk_hunt_${Date.now()}`);
  } catch (cause) {
    io.err(`error: cannot write --risk-out ${options.riskOut}: ${(cause as Error).message}\n`);
    return EXIT_FAILURE;
  }
  let output: ReturnType<typeof openOutput>;
  try {
    output = openOutput(options.out, io.out);
  } catch (cause) {
    riskOut?.close();
    io.err(`error: cannot write -o ${options.out}: ${(cause as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const writer = createHuntOutput(options.format, output.write, {
    inputs: paths,
    riskOut: options.riskOut,
    rowsPerDetection: 50,
    drilldownsPerDetection: 2,
    details,
  });
  const report = await runHunt(
    workspace,
    paths,
    {
      input: { ...inputReadOptions(options), ...(io.stdin ? { stdin: io.stdin } : {}) },
      incidents: usage.incidents,
      ...(usage.maxFindings === undefined ? {} : { maxKeptFindings: usage.maxFindings }),
      maxMemoryBytes: maxMemoryBytes(options),
      // JSON lines are written as found: the report's findings are read only for --html.
      keepFindings: options.format !== 'jsonl' || options.html !== undefined,
      ...(timeRange === undefined ? {} : { timeRange }),
      sigmaThread: options.sigmaThread === true,
    },
    {
      onFinding: (finding) => writer.finding(finding),
      ...(riskOut ? { onRiskEvent: (risk) => riskOut?.write(risk) } : {}),
      ...(display ? { onProgress: (p) => display.update(p) } : {}),
    },
  );
  display?.stop();
  riskOut?.close();
  io.err(formatProblems([...opened.warnings, ...report.diagnostics], options.warnings === true));
  writer.end(report);
  output.close();
  if (options.html !== undefined) {
    try {
      const bytes = writeHtmlReport(options.html, report, paths);
      io.err(`HTML report: ${options.html} (${(bytes / 1048576).toFixed(1)} MB)\n`);
    } catch (cause) {
      io.err(`error: cannot write --html ${options.html}: ${(cause as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  if (options.out !== undefined) io.out(`${runSummaryLine(report, options.out)}\n`);
  const inputs = reportInputs(report.inputs, options.strict, io.err);
  if (inputs !== undefined) return inputs;
  if (hasErrors(report.diagnostics)) return EXIT_FAILURE;
  if (options.failOnFindings && report.detections.length > 0) return EXIT_FAILURE;
  return EXIT_OK;
}
