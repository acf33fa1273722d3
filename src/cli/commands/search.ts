// `spelunk search '<SPL>' <path>...`: runs one SPL search over event files and prints the results.
import { type Command, Option } from 'commander';
import { type Diagnostic, formatDiagnostics, hasErrors } from '../../core/diagnostic.ts';
import type { Event } from '../../core/event.ts';
import { runPlansOverInputs } from '../../engine/run-over-inputs.ts';
import { INPUT_FORMAT_NAMES } from '../../ingest/formats/index.ts';
import type { InputFormatName } from '../../ingest/formats/input-format.ts';
import {
  formatInputSummary,
  hasInputProblems,
  problemDiagnostic,
} from '../../ingest/input/input-summary.ts';
import { loadDataModels } from '../../knowledge/datamodels/load/load-data-models.ts';
import { loadFieldKnowledge } from '../../knowledge/load-field-knowledge.ts';
import { loadLookupDirectories } from '../../spl/lookups/load-lookup-directories.ts';
import { loadMacros } from '../../spl/macros/load-macros.ts';
import { compileSpl } from '../../spl/plan/compile-spl.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { createResultWriter, OUTPUT_FORMAT_NAMES, type OutputFormat } from '../output/index.ts';
import {
  type EvtxCliOptions,
  evtxReadOptions,
  recoverOption,
  threadsOption,
} from './evtx-options.ts';
import type { CliCommand } from './index.ts';

export interface SearchOptions extends EvtxCliOptions {
  readonly format: OutputFormat;
  readonly macros: readonly string[];
  readonly lookups: readonly string[];
  /** props.conf/transforms.conf/YAML knowledge files or directories, after the built-in knowledge. */
  readonly props?: readonly string[];
  /** False with --no-builtin-knowledge: only the --props knowledge applies. */
  readonly builtinKnowledge?: boolean;
  /** Data-model mapping files or directories (`--datamodels`), after the built-in event types. */
  readonly datamodels?: readonly string[];
  readonly inputFormat?: InputFormatName;
  readonly index?: string;
  readonly source?: string;
  readonly sourcetype?: string;
  readonly strict: boolean;
}

/** Where the command writes; the CLI passes the process streams, tests collect text. */
export interface SearchIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin?: AsyncIterable<Uint8Array>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const searchCommand: CliCommand = {
  register(program: Command) {
    program
      .command('search')
      .description('Run one SPL search over event files (EVTX, XML, JSON lines, CSV; - for stdin)')
      .argument('<spl>', "the search, e.g. 'index=* EventCode=1 | stats count by Image'")
      .argument('[paths...]', 'files or directories to read; - reads stdin')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(OUTPUT_FORMAT_NAMES)
          .default('table'),
      )
      .option(
        '--macros <file|dir>',
        'macro definitions: ESCU macros/*.yml or macros.conf (repeatable)',
        collect,
        [],
      )
      .option(
        '--lookups <dir>',
        'lookup directory: ESCU lookups/ (*.yml + *.csv), CSV files, or transforms.conf (repeatable)',
        collect,
        [],
      )
      .option(
        '--props <file|dir>',
        'field knowledge: props.conf, transforms.conf, their YAML form, or a directory of them (repeatable; applied over the built-in Windows knowledge)',
        collect,
        [],
      )
      .option(
        '--datamodels <file|dir>',
        'data-model mappings: YAML event types (search + tags) putting your own sources into the CIM data models that tstats reads (repeatable)',
        collect,
        [],
      )
      .option(
        '--no-builtin-knowledge',
        'leave out the built-in Sysmon/Security/PowerShell knowledge (use only --props)',
      )
      .addOption(
        new Option(
          '--input-format <format>',
          'read every input as this format instead of detecting it',
        ).choices(INPUT_FORMAT_NAMES),
      )
      .option('--index <name>', 'Splunk index given to the events (default wineventlog)')
      .option('--source <source>', "replace every event's source")
      .option('--sourcetype <sourcetype>', "replace every event's sourcetype")
      .addOption(recoverOption())
      .addOption(threadsOption())
      .option('--strict', 'fail (exit 1) when any input record could not be read', false)
      .action(async (spl: string, paths: string[], options: SearchOptions) => {
        process.exitCode = await runSearch(spl, paths, options, {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        });
      });
  },
};

/**
 * load macros → load lookups → load field knowledge and data models → compile → run over the inputs (engine:
 * read once, route → knowledge → plan) → render results → report input problems. Returns the
 * exit code.
 */
export async function runSearch(
  spl: string,
  paths: readonly string[],
  options: SearchOptions,
  io: SearchIo,
): Promise<number> {
  const warnings: Diagnostic[] = [];
  const macros = loadMacros(options.macros);
  const lookups = loadLookupDirectories(options.lookups);
  const knowledge = loadFieldKnowledge({
    paths: options.props ?? [],
    builtin: options.builtinKnowledge !== false,
    lookups: lookups.store,
  });
  const dataModels = loadDataModels({
    paths: options.datamodels ?? [],
    builtin: options.builtinKnowledge !== false,
  });
  const setupProblems = [
    ...macros.diagnostics,
    ...lookups.diagnostics,
    ...knowledge.diagnostics,
    ...dataModels.diagnostics,
  ];
  if (hasErrors(setupProblems)) {
    io.err(`${formatDiagnostics(setupProblems)}\n`);
    return EXIT_FAILURE;
  }
  warnings.push(...setupProblems);
  const compiled = compileSpl(spl, {
    macros: macros.library,
    lookups: lookups.store,
    dataModels: dataModels.dataModels,
  });
  if (!compiled.ok) {
    io.err(`${formatDiagnostics(compiled.diagnostics)}\n`);
    return EXIT_FAILURE;
  }
  const { plan } = compiled;
  warnings.push(...compiled.warnings);
  if (paths.length === 0 && !plan.generating) {
    io.err('error: this search reads events: give files or directories to read, or - for stdin\n');
    return EXIT_USAGE;
  }
  const writer = createResultWriter(options.format, io.out);
  const context = {
    emit: (rows: readonly Event[]) => writer.write(rows),
    warn: (d: Diagnostic) => warnings.push(d),
  };
  const summary = await runPlansOverInputs([{ plan, context }], paths, {
    knowledge: knowledge.base,
    input: {
      ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
      ...(options.index ? { index: options.index } : {}),
      ...(options.source ? { source: options.source } : {}),
      ...(options.sourcetype ? { sourcetype: options.sourcetype } : {}),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      evtx: evtxReadOptions(options),
    },
  });
  writer.end();
  if (warnings.length > 0) io.err(`${formatDiagnostics(warnings)}\n`);
  if (summary !== undefined && hasInputProblems(summary)) {
    io.err(`${formatInputSummary(summary)}\n`);
    if (options.strict) {
      io.err(`${formatDiagnostics(summary.problems.map(problemDiagnostic))}\n`);
      return EXIT_FAILURE;
    }
  }
  return EXIT_OK;
}
