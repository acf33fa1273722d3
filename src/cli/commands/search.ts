// `spelunk search '<SPL>' <path>...`: runs one SPL search over event files and prints the results.
import { type Command, Option } from 'commander';
import {
  type Diagnostic,
  DiagnosticError,
  type Event,
  formatDiagnostics,
  hasErrors,
} from '../../core/index.ts';
import { openWorkspace, runPlansOverInputs } from '../../engine/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { createResultWriter, OUTPUT_FORMAT_NAMES, type OutputFormat } from '../output/index.ts';
import { reportInputs } from '../triage/input-exit.ts';
import { parseTimeOption } from '../triage/time-option.ts';
import type { CliCommand } from './index.ts';
import { type IndexCliOptions, indexOptions } from './index-options.ts';
import { runSearchOverIndex } from './search-index.ts';
import {
  addOptions,
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
  type SearchLibraryCliOptions,
  searchLibraryOptions,
} from './shared-options.ts';

export interface SearchOptions
  extends InputCliOptions,
    KnowledgeCliOptions,
    DataModelCliOptions,
    SearchLibraryCliOptions,
    Partial<IndexCliOptions> {
  readonly format: OutputFormat;
  /** `--max-memory`, in MB. */
  readonly maxMemory?: number;
  /** The time range, in Splunk's time syntax (`-24h@h`, epoch seconds, `%m/%d/%Y:%H:%M:%S`) or ISO 8601. */
  readonly earliest?: string;
  readonly latest?: string;
  /** The time relative times count from, instead of the clock. */
  readonly now?: string;
  /** Server config (indexes) for --data. */
  readonly config?: string;
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
      .description(
        'Run one SPL search over event files (EVTX, XML, JSON lines, CSV; - for stdin), or over an index (--server, --data)',
      )
      .argument('<spl>', "the search, e.g. 'index=* EventCode=1 | stats count by Image'")
      .argument('[paths...]', 'files or directories to read; - reads stdin');
    addOptions(
      command,
      new Option('-f, --format <format>', 'output format')
        .choices(OUTPUT_FORMAT_NAMES)
        .default('table'),
      new Option(
        '--earliest <time>',
        "the search's time range, as Splunk's time picker sets it (the search's own earliest= wins): -24h@h, epoch seconds, 05/18/2019:17:16:00, or ISO 8601",
      ),
      new Option('--latest <time>', 'the end of the time range (exclusive), as --earliest'),
      new Option(
        '--now <time>',
        'the time relative times count from (-7d, starthoursago=, now()) instead of the clock: epoch seconds or ISO 8601',
      ),
      searchLibraryOptions(),
      knowledgeOptions(),
      dataModelsOption(),
      inputOptions(),
      maxMemoryOption(),
      indexOptions(),
      new Option('--config <file>', 'with --data: the server config file (its indexes)'),
    ).action(async (spl: string, paths: string[], options: SearchOptions) => {
      process.exitCode = await runSearch(spl, paths, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    });
  },
};

/**
 * open the workspace (macros, lookups, field knowledge, data models) → compile → run over the
 * inputs (the event pump: read once, route → knowledge → plan) → render results → report input
 * problems. Returns the exit code.
 */
export async function runSearch(
  spl: string,
  paths: readonly string[],
  options: SearchOptions,
  io: SearchIo,
): Promise<number> {
  if (options.server !== undefined || options.data !== undefined) {
    if (paths.length > 0) {
      io.err(
        'error: a search over an index (--server, --data) reads no files: leave out the paths\n',
      );
      return EXIT_USAGE;
    }
    // The index takes epoch seconds: ISO 8601 and --now are resolved here.
    const times = searchTimes(options);
    if ('message' in times) {
      io.err(`error: ${times.message}\n`);
      return EXIT_USAGE;
    }
    const { earliest, latest } = times.timeRange ?? {};
    return runSearchOverIndex(
      spl,
      {
        ...withoutTimes(options),
        ...(earliest === undefined ? {} : { earliest: String(earliest) }),
        ...(latest === undefined ? {} : { latest: String(latest) }),
        user: options.user ?? 'admin',
      },
      io,
    );
  }
  const warnings: Diagnostic[] = [];
  const workspace = openWorkspace({
    macros: options.macros,
    lookups: options.lookups,
    ...knowledgeWorkspaceOptions(options),
  });
  if (hasErrors(workspace.diagnostics)) {
    io.err(`${formatDiagnostics(workspace.diagnostics)}\n`);
    return EXIT_FAILURE;
  }
  warnings.push(...workspace.diagnostics);
  const times = searchTimes(options);
  if ('message' in times) {
    io.err(`error: ${times.message}\n`);
    return EXIT_USAGE;
  }
  const compiled = workspace.compileSearch(spl, times);
  if (!compiled.ok) {
    io.err(`${formatDiagnostics(compiled.diagnostics)}\n`);
    return EXIT_FAILURE;
  }
  const { value: plan } = compiled;
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
  // The table is printed at the end (column widths): it keeps the rows; the other formats print each.
  const rowsKept = options.format === 'table';
  let summary: Awaited<ReturnType<typeof runPlansOverInputs>>;
  try {
    summary = await runPlansOverInputs([{ plan, context, rowsKept }], paths, {
      knowledge: workspace.knowledge,
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
  return reportInputs(summary, options.strict, io.err) ?? EXIT_OK;
}

/** `--now`, then `--earliest`/`--latest` resolved at it (relative ones count from it). */
function searchTimes(
  options: Pick<SearchOptions, 'earliest' | 'latest' | 'now'>,
): { now?: number; timeRange?: { earliest?: number; latest?: number } } | { message: string } {
  let now: number | undefined;
  if (options.now !== undefined) {
    const parsed = parseTimeOption(options.now, Date.now() / 1000);
    if (typeof parsed !== 'number') return { message: `--now: ${parsed.message}` };
    now = parsed;
  }
  const range: { earliest?: number; latest?: number } = {};
  for (const side of ['earliest', 'latest'] as const) {
    const text = options[side];
    if (text === undefined) continue;
    const parsed = parseTimeOption(text, now ?? Date.now() / 1000);
    if (typeof parsed !== 'number') return { message: `--${side}: ${parsed.message}` };
    range[side] = parsed;
  }
  return {
    ...(now === undefined ? {} : { now }),
    ...(Object.keys(range).length === 0 ? {} : { timeRange: range }),
  };
}

function withoutTimes<T extends { earliest?: string; latest?: string }>(
  options: T,
): Omit<T, 'earliest' | 'latest'> {
  const { earliest: _e, latest: _l, ...rest } = options;
  return rest;
}
