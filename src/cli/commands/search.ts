// `spelunk search '<SPL>' <path>...`: runs one SPL search over event files and prints the results.
import { type Command, Option } from 'commander';
import {
  type Diagnostic,
  DiagnosticError,
  type Event,
  formatDiagnostics,
  hasErrors,
} from '../../core/index.ts';
import { runPlansOverInputs } from '../../engine/index.ts';
import { formatInputSummary, hasInputProblems, problemDiagnostic } from '../../ingest/index.ts';
import { compileSpl, loadLookupDirectories, loadMacros } from '../../spl/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { createResultWriter, OUTPUT_FORMAT_NAMES, type OutputFormat } from '../output/index.ts';
import type { CliCommand } from './index.ts';
import {
  addOptions,
  type DataModelCliOptions,
  dataModelsOption,
  type InputCliOptions,
  inputOptions,
  inputReadOptions,
  type KnowledgeCliOptions,
  knowledgeOptions,
  loadDataModelsOf,
  loadKnowledgeOf,
  maxMemoryBytes,
  maxMemoryOption,
  type SearchLibraryCliOptions,
  searchLibraryOptions,
} from './shared-options.ts';

export interface SearchOptions
  extends InputCliOptions,
    KnowledgeCliOptions,
    DataModelCliOptions,
    SearchLibraryCliOptions {
  readonly format: OutputFormat;
  /** `--max-memory`, in MB. */
  readonly maxMemory?: number;
}

/** Where the command writes; the CLI passes the process streams, tests collect text. */
export interface SearchIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin?: AsyncIterable<Uint8Array>;
}

export const searchCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('search')
      .description('Run one SPL search over event files (EVTX, XML, JSON lines, CSV; - for stdin)')
      .argument('<spl>', "the search, e.g. 'index=* EventCode=1 | stats count by Image'")
      .argument('[paths...]', 'files or directories to read; - reads stdin');
    addOptions(
      command,
      new Option('-f, --format <format>', 'output format')
        .choices(OUTPUT_FORMAT_NAMES)
        .default('table'),
      searchLibraryOptions(),
      knowledgeOptions(),
      dataModelsOption(),
      inputOptions(),
      maxMemoryOption(),
    ).action(async (spl: string, paths: string[], options: SearchOptions) => {
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
  const knowledge = loadKnowledgeOf(options, lookups.store);
  const dataModels = loadDataModelsOf(options);
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
    maxMemoryBytes: maxMemoryBytes(options),
  };
  let summary: Awaited<ReturnType<typeof runPlansOverInputs>>;
  try {
    summary = await runPlansOverInputs([{ plan, context }], paths, {
      knowledge: knowledge.base,
      input: { ...inputReadOptions(options), ...(io.stdin ? { stdin: io.stdin } : {}) },
    });
  } catch (cause) {
    // The search stopped (its memory budget): what it printed stands, the error says why.
    if (!(cause instanceof DiagnosticError)) throw cause;
    writer.end();
    io.err(`${formatDiagnostics([...warnings, ...cause.diagnostics])}\n`);
    return EXIT_FAILURE;
  }
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
