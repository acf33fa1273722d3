// `spelunk validate <dir>...`: loads ESCU content directories and reports every problem and a summary.
import type { Command } from 'commander';
import { DiagnosticPrinter, formatDiagnostic, hasErrors } from '../../core/index.ts';
import {
  type AttackCatalog,
  formatContentSummary,
  readAttackCatalog,
  summarizeContent,
} from '../../detection/index.ts';
import { openWorkspace } from '../../engine/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';
import { type DataModelCliOptions, dataModelsOption } from './shared-options.ts';

export interface ValidateOptions extends DataModelCliOptions {
  /** An ATT&CK Enterprise STIX bundle or techniques CSV: checks ids and names their tactics. */
  readonly attack?: string;
  readonly listDisabled: boolean;
  readonly warnings: boolean;
}

export interface ValidateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const validateCommand: CliCommand = {
  register(program: Command) {
    program
      .command('validate')
      .description('Check ESCU content directories (detections, macros, lookups, stories, ...)')
      .argument(
        '<dirs...>',
        'content directories, each holding detections/, macros/, lookups/, ...',
      )
      .option(
        '--attack <file>',
        'ATT&CK Enterprise catalogue (STIX bundle .json or techniques .csv) to check technique ids against',
      )
      .option('--list-disabled', 'name every disabled detection under its reason', false)
      .option('--no-warnings', 'print errors only (warnings are still counted)')
      .addOption(dataModelsOption())
      .action((dirs: string[], options: ValidateOptions) => {
        process.exitCode = runValidate(dirs, options, {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        });
      });
  },
};

/**
 * Exit 0 when nothing is wrong, 1 when any file or search (or --datamodels mapping) has an error,
 * 2 on a bad option.
 */
export function runValidate(
  dirs: readonly string[],
  options: ValidateOptions,
  io: ValidateIo,
): number {
  let attack: AttackCatalog | undefined;
  if (options.attack !== undefined) {
    const read = readAttackCatalog(options.attack);
    if (!read.ok) {
      io.err(`${read.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      return EXIT_USAGE;
    }
    attack = read.value;
  }
  // tstats searches compile against the data models, as hunt and test run them.
  const workspace = openWorkspace({
    content: dirs,
    dataModels: options.datamodels ?? [],
    ...(attack ? { attack } : {}),
    without: ['knowledge'],
  });
  const pack = workspace.content;
  const dataModelProblems = workspace.problems['data-models'];
  // At most 20 problems per file are printed, then how many more there were.
  const printer = new DiagnosticPrinter();
  for (const diagnostic of [...dataModelProblems, ...pack.diagnostics]) {
    if (diagnostic.severity === 'warning' && !options.warnings) continue;
    const text = printer.format(diagnostic);
    if (text !== undefined) io.err(`${text}\n\n`);
  }
  const withheld = printer.finish();
  if (withheld !== undefined) io.err(`${withheld}\n\n`);
  const summary = summarizeContent(pack);
  io.out(
    `${[`content: ${pack.roots.join(', ')}`, ...formatContentSummary(summary, options.listDisabled)].join('\n')}\n`,
  );
  return summary.errors > 0 || hasErrors(dataModelProblems) ? EXIT_FAILURE : EXIT_OK;
}
