// `spelunk convert -t splunk [-p sysmon|windows] <rule or dir>...`: prints each Sigma rule as the
// SPL pySigma's Splunk backend would write (docs/sigma.md "Conversion to SPL"), as `sigma convert`
// users type it; `-f savedsearches` writes a savedsearches.conf.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type Diagnostic, DiagnosticPrinter, error } from '../../core/index.ts';
import { openWorkspace } from '../../engine/index.ts';
import {
  convertToSpl,
  loadPlaceholders,
  SIGMA_CODES,
  type SplDocument,
  type SplPipeline,
  savedSearchesConf,
} from '../../sigma/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { pathProblems } from '../triage/check-paths.ts';
import type { CliCommand } from './index.ts';
import { collect } from './shared-options.ts';

/** sigma-cli's names for the target; `spl` is spelunk's own. */
const TARGETS = ['splunk', 'spl'] as const;
/**
 * sigma-cli's pipeline names for Windows logs in Splunk (`sysmon`, `windows`, `splunk_windows`)
 * all mean the built-in logsource mapping, which covers Sysmon and the Windows channels;
 * `spelunk` is its own name; `none` converts the detection logic alone.
 */
const PIPELINES = ['sysmon', 'windows', 'splunk_windows', 'spelunk', 'none'] as const;
const FORMATS = ['default', 'savedsearches'] as const;

export interface ConvertOptions {
  readonly target?: (typeof TARGETS)[number];
  /** `--to`, the older spelling of `--target`. */
  readonly to?: 'spl';
  readonly pipeline: readonly string[];
  readonly withoutPipeline?: boolean;
  readonly format: (typeof FORMATS)[number];
  readonly output?: string;
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
      .description(
        "Convert Sigma rules into SPL searches, as pySigma's Splunk backend writes them (sigma convert -t splunk)",
      )
      .argument('<paths...>', 'Sigma rule files or directories (every .yml/.yaml below them)')
      .addOption(new Option('-t, --target <target>', 'target query language').choices(TARGETS))
      .addOption(new Option('--to <language>', 'the same as --target spl').choices(['spl']))
      .addOption(
        new Option(
          '-p, --pipeline <name>',
          'sysmon, windows, splunk_windows or spelunk: add the logsource conditions (Channel, EventID) and field names of the mapping; none: the detection logic alone (repeatable, as sigma-cli)',
        )
          .argParser(collect)
          .default([]),
      )
      .addOption(new Option('--without-pipeline', 'the same as --pipeline none'))
      .addOption(
        new Option(
          '-f, --format <format>',
          'default: one query per line, each labelled with its rule when several are converted; savedsearches: a savedsearches.conf',
        )
          .choices(FORMATS)
          .default('default'),
      )
      .option('-o, --output <file>', 'write to this file instead of stdout')
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

/** The pipelines given, as the converter's: the mapping unless only `none` was asked for. */
function pipelineOf(options: ConvertOptions): SplPipeline | { message: string } {
  const names = [...options.pipeline, ...(options.withoutPipeline ? ['none'] : [])];
  const unknown = names.filter((n) => !(PIPELINES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    return { message: `unknown pipeline "${unknown[0]}": ${PIPELINES.join(', ')}` };
  }
  if (names.includes('none') && names.some((n) => n !== 'none')) {
    return { message: '--pipeline none (--without-pipeline) cannot be combined with a pipeline' };
  }
  return names.includes('none') ? 'none' : 'spelunk';
}

/**
 * Exit 0 when every rule converted, 1 when any rule could not be read, loaded or converted, 2 on
 * bad options.
 */
export function runConvert(
  paths: readonly string[],
  options: ConvertOptions,
  io: ConvertIo,
): number {
  if (options.target === undefined && options.to === undefined) {
    io.err("error: required option '-t, --target <target>' not specified (splunk)\n");
    return EXIT_USAGE;
  }
  const pipeline = pipelineOf(options);
  if (typeof pipeline !== 'string') {
    io.err(`error: ${pipeline.message}\n`);
    return EXIT_USAGE;
  }
  const missing = pathProblems([
    ...paths.map((path) => ({ option: 'rule', path })),
    ...(options.mapping === undefined ? [] : [{ option: '--mapping', path: options.mapping }]),
    ...(options.placeholders === undefined
      ? []
      : [{ option: '--placeholders', path: options.placeholders }]),
  ]);
  if (missing.length > 0) {
    io.err(`${missing.join('\n')}\n`);
    return EXIT_FAILURE;
  }
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
    // Conversion takes every rule given, whatever its status.
    triage: { statuses: 'all' },
    ...(options.mapping === undefined ? {} : { sigmaMapping: options.mapping }),
    without: ['knowledge', 'data-models', 'sigma-compile'],
  });
  const mappingProblems = workspace.problems['sigma-mapping'];
  mappingProblems.forEach(report);
  if (mappingProblems.some((d) => d.severity === 'error')) return EXIT_USAGE;
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
    pipeline,
    ...(mapping ? { mapping } : {}),
    ...(placeholders ? { placeholders } : {}),
  });
  problems.push(...conversion.diagnostics);
  problems.forEach(report);
  const withheld = printer.finish();
  if (withheld !== undefined) io.err(`${withheld}\n\n`);
  const labelled = paths.some(isDirectory) || ruleSet.documents.length > 1;
  const text =
    options.format === 'savedsearches'
      ? savedSearchesConf(conversion.documents)
      : queriesText(conversion.documents, labelled);
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, text);
    } catch (cause) {
      io.err(`error: cannot write -o ${options.output}: ${(cause as Error).message}\n`);
      return EXIT_FAILURE;
    }
  } else if (text !== '') io.out(text);
  const failed = problems.some((d) => d.severity === 'error');
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/**
 * One query per paragraph; labelled, each is preceded by an SPL comment (```...```, which
 * Splunk skips) naming the rule's title, id and file, so the output still pastes into Splunk.
 */
function queriesText(documents: readonly SplDocument[], labelled: boolean): string {
  const blocks: string[] = [];
  for (const { document, queries } of documents) {
    for (const query of queries) {
      if (!labelled) {
        blocks.push(query);
        continue;
      }
      const label = [
        `title: ${document.title}`,
        ...(document.id === undefined ? [] : [`id: ${document.id}`]),
        `file: ${document.origin.source.name}`,
      ]
        .join(' | ')
        .replace(/`/g, "'")
        .replace(/[\r\n]+/g, ' ');
      blocks.push(`\`\`\`${label}\`\`\`\n${query}`);
    }
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
