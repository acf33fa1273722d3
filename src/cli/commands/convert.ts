// `spelunk convert --to spl <rule or dir>...`: prints each Sigma rule as the SPL pySigma's Splunk
// backend would write (docs/sigma.md "Conversion to SPL").
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type Diagnostic, DiagnosticPrinter, error, hasErrors } from '../../core/index.ts';
import { openWorkspace } from '../../engine/index.ts';
import {
  convertToSpl,
  loadPlaceholders,
  SIGMA_CODES,
  type SplPipeline,
} from '../../sigma/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';

export interface ConvertOptions {
  readonly to: 'spl';
  readonly pipeline: SplPipeline;
  readonly mapping?: string;
  readonly placeholders?: string;
  readonly warnings: boolean;
}

export interface ConvertIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const convertCommand: CliCommand = {
  register(program: Command) {
    program
      .command('convert')
      .description("Convert Sigma rules into SPL searches, as pySigma's Splunk backend writes them")
      .argument('<paths...>', 'Sigma rule files or directories (every .yml/.yaml below them)')
      .addOption(
        new Option('--to <language>', 'target query language')
          .choices(['spl'])
          .makeOptionMandatory(),
      )
      .addOption(
        new Option(
          '--pipeline <name>',
          'spelunk: add the logsource conditions (Channel, EventID) and field names of the mapping; none: the detection logic alone',
        )
          .choices(['spelunk', 'none'])
          .default('spelunk'),
      )
      .option(
        '--mapping <file>',
        'logsource mapping YAML (spelunk format or SigmaHQ thor.yml) instead of the built-in one',
      )
      .option('--placeholders <file>', 'YAML map of expand placeholder name → values')
      .option('--no-warnings', 'print errors only')
      .action((paths: string[], options: ConvertOptions) => {
        process.exitCode = runConvert(paths, options, {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        });
      });
  },
};

function readSource(path: string): { name: string; text: string } | Diagnostic {
  try {
    return { name: path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return error(SIGMA_CODES.unreadableFile, `cannot read ${path}: ${(e as Error).message}`, {
      location: path,
    });
  }
}

/** Exit 0 when every rule converted, 1 when any rule could not be loaded or converted, 2 on bad options. */
export function runConvert(
  paths: readonly string[],
  options: ConvertOptions,
  io: ConvertIo,
): number {
  let placeholders: ReadonlyMap<string, readonly string[]> | undefined;
  // At most 20 problems per file are printed (hostile rule files can hold thousands).
  const printer = new DiagnosticPrinter();
  const report = (d: Diagnostic) => {
    if (d.severity === 'warning' && !options.warnings) return;
    const text = printer.format(d);
    if (text !== undefined) io.err(`${text}\n\n`);
  };
  // The rules and the mapping, as every command loads them; converting needs no compiled matcher.
  const workspace = openWorkspace({
    sigma: paths,
    ...(options.mapping === undefined ? {} : { sigmaMapping: options.mapping }),
    without: ['knowledge', 'data-models', 'sigma-compile'],
  });
  const mappingProblems = workspace.problems['sigma-mapping'];
  mappingProblems.forEach(report);
  if (hasErrors(mappingProblems)) return EXIT_USAGE;
  const mapping = workspace.sigmaMapping;
  if (options.placeholders !== undefined) {
    const source = readSource(options.placeholders);
    const loaded = 'text' in source ? loadPlaceholders(source) : { diagnostics: [source] };
    loaded.diagnostics.forEach(report);
    if (!('placeholders' in loaded) || loaded.placeholders === undefined) return EXIT_USAGE;
    placeholders = loaded.placeholders;
  }
  const ruleSet = workspace.sigmaRules;
  const problems = [...workspace.problems.sigma];
  if (ruleSet === undefined) return EXIT_USAGE;
  const conversion = convertToSpl(ruleSet, {
    pipeline: options.pipeline,
    ...(mapping ? { mapping } : {}),
    ...(placeholders ? { placeholders } : {}),
  });
  problems.push(...conversion.diagnostics);
  problems.forEach(report);
  const withheld = printer.finish();
  if (withheld !== undefined) io.err(`${withheld}\n\n`);
  const queries = conversion.documents.flatMap((d) => d.queries);
  if (queries.length > 0) io.out(`${queries.join('\n\n')}\n`);
  const failed = problems.some((d) => d.severity === 'error');
  return failed ? EXIT_FAILURE : EXIT_OK;
}
