// `spelunk timeline [options] <path>...`: every finding of a hunt as one row, in time order,
// Hayabusa- and Chainsaw-style (docs/timeline.md).
import { type Command, Option } from 'commander';
import { hasErrors } from '../../core/index.ts';
import { runTimeline } from '../../engine/index.ts';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.ts';
import { openOutput } from '../hunt/hunt-options.ts';
import { createProgressDisplay } from '../hunt/progress-bar.ts';
import { renderLeftOut, renderSummary } from '../hunt/render-summary.ts';
import {
  createTimelineWriter,
  TIMELINE_FORMATS,
  type TimelineFormat,
} from '../timeline/timeline-writer.ts';
import { reportInputs } from '../triage/input-exit.ts';
import { openTriage, type RuleCliOptions } from '../triage/open-triage.ts';
import { formatProblems } from '../triage/problem-summary.ts';
import { ruleOptions, runOptions } from '../triage/rule-options.ts';
import { runSummaryLine } from '../triage/run-summary.ts';
import type { HuntIo } from './hunt.ts';
import type { CliCommand } from './index.ts';
import { addOptions, type InputCliOptions, inputReadOptions } from './shared-options.ts';

export interface TimelineCommandOptions extends InputCliOptions, RuleCliOptions {
  readonly format: TimelineFormat;
  readonly out?: string;
  readonly progress?: boolean;
  readonly failOnFindings?: boolean;
}

export const timelineCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('timeline')
      .description(
        'Every finding of a hunt (SPL and Sigma) as one row in time order: csv for Timeline Explorer and Timesketch, jsonl, table',
      )
      .argument('<paths...>', 'files or directories to read; - reads stdin');
    addOptions(
      command,
      ruleOptions(),
      new Option('-f, --format <format>', 'output format').choices(TIMELINE_FORMATS).default('csv'),
      new Option(
        '-o, --out <file>',
        'write the timeline to a file instead of stdout (a summary is printed)',
      ),
      new Option('--fail-on-findings', 'exit 1 when anything is found (for CI)').default(false),
      runOptions(),
    ).action(async (paths: string[], options: TimelineCommandOptions) => {
      process.exitCode = await runTimelineCommand(paths, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progressStream: process.stderr,
      });
    });
  },
};

/**
 * check options and paths → open the workspace with the triage → hunt, each finding a row into
 * the external sort → problems → the rows in time order → the summary by level (on stderr, or
 * on stdout after `-o`) → input summary → exit code.
 */
export async function runTimelineCommand(
  paths: readonly string[],
  options: TimelineCommandOptions,
  io: HuntIo,
): Promise<number> {
  const display =
    options.progress === false || io.progressStream === undefined
      ? undefined
      : createProgressDisplay(io.progressStream);
  const opened = openTriage(paths, options, { err: io.err, ...(display ? { display } : {}) });
  if (typeof opened === 'number') return opened;
  const { workspace, timeRange, details } = opened;
  let output: ReturnType<typeof openOutput>;
  try {
    output = openOutput(options.out, io.out);
  } catch (cause) {
    io.err(`error: cannot write -o ${options.out}: ${(cause as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const timeline = await runTimeline(
    workspace,
    paths,
    {
      details,
      input: { ...inputReadOptions(options), ...(io.stdin ? { stdin: io.stdin } : {}) },
      ...(timeRange === undefined ? {} : { timeRange }),
    },
    display ? { onProgress: (p) => display.update(p) } : {},
  );
  display?.stop();
  const { report } = timeline;
  io.err(formatProblems([...opened.warnings, ...report.diagnostics], options.warnings === true));
  try {
    const writer = createTimelineWriter(options.format, output.write);
    for (const row of timeline.rows()) writer.write(row);
    writer.end();
  } finally {
    timeline.close();
    output.close();
  }
  // The summary goes where it does not mix with the rows.
  const summary = [...renderLeftOut(report), ...renderSummary(report.summary)];
  const tell = options.out === undefined ? io.err : io.out;
  if (summary.length > 0) tell(`${summary.join('\n')}\n`);
  if (options.out !== undefined)
    io.out(`${runSummaryLine(report, options.out, timeline.rowCount)}\n`);
  const inputs = reportInputs(report.inputs, options.strict, io.err);
  if (inputs !== undefined) return inputs;
  if (hasErrors(report.diagnostics)) return EXIT_FAILURE;
  if (options.failOnFindings === true && timeline.rowCount > 0) return EXIT_FAILURE;
  return EXIT_OK;
}
