// `spelunk test [--content DIR]... [--data-dir DIR]... [--junit FILE]`: every detection's tests, as contentctl runs them, with no Splunk server.
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type Diagnostic, formatDiagnostics, hasErrors } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import {
  junitXml,
  openWorkspace,
  runDetectionTests,
  summaryLine,
  type TestResult,
  type Workspace,
} from '../../engine/index.ts';
import { printable } from '../../ingest/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';
import {
  addOptions,
  collect,
  contentOption,
  type DataModelCliOptions,
  dataModelsOption,
  type KnowledgeCliOptions,
  knowledgeOptions,
  knowledgeWorkspaceOptions,
  maxMemoryBytes,
  maxMemoryOption,
} from './shared-options.ts';

export interface TestCommandOptions extends KnowledgeCliOptions, DataModelCliOptions {
  readonly content: readonly string[];
  readonly dataDir: readonly string[];
  readonly detection: readonly string[];
  readonly junit?: string;
  /** Print passing and skipped tests too, not only failures. */
  readonly verbose?: boolean;
  /** `--max-memory`, in MB. */
  readonly maxMemory?: number;
}

export interface TestIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const testCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('test')
      .description(
        "Replay each detection's test data as contentctl does and check its results (benign tests: none)",
      );
    addOptions(
      command,
      contentOption(),
      new Option(
        '--data-dir <dir>',
        'where attack-data URLs are read from: the URL path mirrored under it (repeatable)',
      )
        .argParser(collect)
        .default([]),
      new Option('--detection <name>', 'test only this detection: name or id (repeatable)')
        .argParser(collect)
        .default([]),
      new Option('--junit <file>', 'write the results as JUnit XML'),
      new Option('-v, --verbose', 'list passing and skipped tests too'),
      knowledgeOptions(),
      dataModelsOption(),
      maxMemoryOption(),
    ).action(async (options: TestCommandOptions) => {
      process.exitCode = await runTestCommand(options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    });
  },
};

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/**
 * open the workspace (data models, content, field knowledge with the content's lookups) → run
 * every selected detection's test, printing each as it ends → closing line `N passed, N failed, N
 * skipped` → JUnit XML. Exit 1 when any test failed or a content file did not load; exit 2 when
 * the --props or --datamodels files have errors.
 */
export async function runTestCommand(options: TestCommandOptions, io: TestIo): Promise<number> {
  const workspace = openWorkspace({
    content: options.content.length > 0 ? options.content : [BUILTIN_CONTENT_DIR],
    select: options.detection,
    ...knowledgeWorkspaceOptions(options),
  });
  const contentErrors = judgedErrors(workspace, options.detection.length > 0);
  if (contentErrors.length > 0) io.err(`${formatDiagnostics(contentErrors)}\n\n`);
  const others = workspace.problems.content.filter(
    (d) => d.severity === 'error' && !contentErrors.includes(d),
  ).length;
  if (others > 0) {
    io.err(
      `${others} content error${others === 1 ? '' : 's'} in files of detections not named with --detection (not judged; spelunk validate lists them)\n\n`,
    );
  }
  const setupProblems = [...workspace.problems['data-models'], ...workspace.problems.knowledge];
  if (setupProblems.length > 0) io.err(`${formatDiagnostics(setupProblems)}\n\n`);
  if (hasErrors(setupProblems)) return EXIT_USAGE;
  // A named detection that is disabled is tested (its tests say why they are skipped).
  const unknown = workspace.problems.selection.filter((d) => d.severity === 'error');
  if (unknown.length > 0) {
    io.err(`${formatDiagnostics(unknown)}\n`);
    return EXIT_USAGE;
  }
  const report = await runDetectionTests(
    workspace,
    { dataDirs: options.dataDir, maxMemoryBytes: maxMemoryBytes(options) },
    {
      onResult: (result) => {
        if (result.status === 'failed' || options.verbose) io.out(`${resultLine(result)}\n`);
      },
    },
  );
  io.out(`\n${summaryLine(report)}\n`);
  if (options.junit !== undefined) {
    try {
      writeFileSync(options.junit, junitXml(report));
    } catch (cause) {
      io.err(`error: cannot write --junit ${options.junit}: ${(cause as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  return report.failed > 0 || contentErrors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/**
 * The content errors a run is judged by: all of them, or with --detection only those in the
 * named detections' files and in files that are no detection (macros, lookups they may use).
 */
function judgedErrors(workspace: Workspace, named: boolean): Diagnostic[] {
  const errors = workspace.problems.content.filter((d) => d.severity === 'error');
  if (!named) return errors;
  const selected = new Set(workspace.selected.map((d) => d.origin.file.name));
  const detectionFiles = new Set(workspace.content.detections.map((d) => d.origin.file.name));
  // A detection file that did not load is known by where it is (ESCU's detections/ folder).
  const isDetection = (file: string) =>
    detectionFiles.has(file) || /(^|[\\/])detections[\\/]/.test(file);
  return errors.filter((d) => {
    const file = d.source?.name ?? d.location;
    return file === undefined || selected.has(file) || !isDetection(file);
  });
}

function resultLine(r: TestResult): string {
  const figures =
    r.status === 'skipped'
      ? ''
      : ` [${r.results} result${r.results === 1 ? '' : 's'}, ${r.events} events, ${r.seconds.toFixed(2)} s]`;
  return printable(
    `${MARK[r.status]}  ${r.detection} / ${r.test} (${r.kind}): ${r.message}${figures}`,
  );
}
