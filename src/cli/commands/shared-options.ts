// The options several commands share: each spelled, described and parsed here once, with its parsed type.

import { type Command, InvalidArgumentError, Option } from 'commander';
import type { WorkspaceOptions } from '../../engine/index.ts';
import {
  type EvtxReadOptions,
  INPUT_FORMAT_NAMES,
  type InputFormatName,
  type InputOptions,
} from '../../ingest/index.ts';
import { DEFAULT_MAX_MEMORY_MB } from '../../spl/index.ts';

/** How the events are read: `--input-format`, `--index`, `--source`, `--sourcetype`, `--recover`, `--threads`, `--strict`. */
export interface InputCliOptions {
  readonly inputFormat?: InputFormatName;
  readonly index?: string;
  readonly source?: string;
  readonly sourcetype?: string;
  readonly recover?: boolean;
  readonly threads?: number;
  readonly strict: boolean;
}

/** The field knowledge: `--props` and `--no-builtin-knowledge`. */
export interface KnowledgeCliOptions {
  /** props.conf/transforms.conf/YAML knowledge files or directories, after the built-in knowledge. */
  readonly props?: readonly string[];
  /** False with --no-builtin-knowledge: only the --props knowledge (and --datamodels mappings) apply. */
  readonly builtinKnowledge?: boolean;
}

/** `--datamodels`: data-model mapping files or directories, after the built-in event types. */
export interface DataModelCliOptions {
  readonly datamodels?: readonly string[];
}

/** A search's own library: `--macros` and `--lookups`. */
export interface SearchLibraryCliOptions {
  readonly macros: readonly string[];
  readonly lookups: readonly string[];
}

/** Commander's accumulator for a repeatable option. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

function repeatable(flags: string, description: string): Option {
  return new Option(flags, `${description} (repeatable)`).argParser(collect).default([]);
}

export function contentOption(): Option {
  return repeatable('--content <dir>', 'ESCU content directory; default: the built-in pack');
}

export function inputOptions(): Option[] {
  return [
    new Option(
      '--input-format <format>',
      'read every input as this format instead of detecting it',
    ).choices(INPUT_FORMAT_NAMES),
    new Option('--index <name>', 'Splunk index given to the events (default wineventlog)'),
    new Option('--source <source>', "replace every event's source"),
    new Option('--sourcetype <sourcetype>', "replace every event's sourcetype"),
    new Option(
      '--recover',
      'EVTX: also read intact records found in slack space and in chunks with a damaged header (reported as EVTX401)',
    ),
    new Option(
      '--threads <n>',
      'EVTX: threads decoding chunks; 1 decodes on the main thread, more start that many worker threads (default: 1 on 2 cores or fewer, else one fewer than the cores, at most 4)',
    ).argParser(parseThreads),
    new Option(
      '--strict',
      'fail (exit 1) when any input file or record was skipped or damaged',
    ).default(false),
  ];
}

export function knowledgeOptions(): Option[] {
  return [
    repeatable(
      '--props <file|dir>',
      'field knowledge: props.conf, transforms.conf, their YAML form, or a directory of them, applied over the built-in Windows knowledge',
    ),
    new Option(
      '--no-builtin-knowledge',
      'leave out the built-in Sysmon/Security/PowerShell knowledge and data-model event types (use only --props and --datamodels)',
    ),
  ];
}

export function dataModelsOption(): Option {
  return repeatable(
    '--datamodels <file|dir>',
    'data-model mappings: YAML event types (search + tags) putting your own sources into the CIM data models that tstats reads',
  );
}

export function searchLibraryOptions(): Option[] {
  return [
    repeatable('--macros <file|dir>', 'macro definitions: ESCU macros/*.yml or macros.conf'),
    repeatable(
      '--lookups <dir>',
      'lookup directory: ESCU lookups/ (*.yml + *.csv), CSV files, or transforms.conf',
    ),
  ];
}

/** Adds options in the order given (the order `--help` lists them). */
export function addOptions(command: Command, ...options: readonly (Option | Option[])[]): Command {
  for (const option of options.flat()) command.addOption(option);
  return command;
}

/** `--max-memory <MB>`: the memory budget of each search (and of the Sigma correlations). */
export function maxMemoryOption(): Option {
  return new Option(
    '--max-memory <MB>',
    `memory each search's commands (stats, eventstats, dedup, sort, transaction, streamstats, Sigma correlations) may hold before it stops with an error (default ${DEFAULT_MAX_MEMORY_MB})`,
  )
    .argParser(parseMegabytes)
    .default(DEFAULT_MAX_MEMORY_MB);
}

function parseMegabytes(value: string): number {
  const mb = Number(value);
  if (!/^\d+$/.test(value) || mb < 1 || mb > 1_000_000) {
    throw new InvalidArgumentError('a whole number of megabytes from 1 to 1000000');
  }
  return mb;
}

/** Bytes of `--max-memory`. */
export function maxMemoryBytes(options: { readonly maxMemory?: number }): number {
  return (options.maxMemory ?? DEFAULT_MAX_MEMORY_MB) * 1024 * 1024;
}

/** Worker threads beyond this are refused (each holds its own decoder and template cache). */
const MAX_THREADS = 64;

function parseThreads(value: string): number {
  const threads = Number(value);
  if (!/^\d+$/.test(value) || threads < 1 || threads > MAX_THREADS) {
    throw new InvalidArgumentError(`a whole number from 1 to ${MAX_THREADS}`);
  }
  return threads;
}

/** The EVTX reader's options for `--recover` and `--threads` (unset flags keep the reader's defaults). */
export function evtxReadOptions(
  options: Pick<InputCliOptions, 'recover' | 'threads'>,
): EvtxReadOptions {
  return {
    ...(options.recover === true ? { recover: true } : {}),
    ...(options.threads === undefined
      ? {}
      : { workers: options.threads > 1 ? options.threads : 0 }),
  };
}

/** `openInputs`' options for the input flags; each command adds what it decides itself (`needRaw`, stdin). */
export function inputReadOptions(
  options: Omit<InputCliOptions, 'strict'>,
): Pick<InputOptions, 'inputFormat' | 'index' | 'source' | 'sourcetype' | 'evtx'> {
  return {
    ...(options.inputFormat === undefined ? {} : { inputFormat: options.inputFormat }),
    ...(options.index === undefined ? {} : { index: options.index }),
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.sourcetype === undefined ? {} : { sourcetype: options.sourcetype }),
    evtx: evtxReadOptions(options),
  };
}

/** The workspace parts `--props`, `--no-builtin-knowledge` and `--datamodels` ask for. */
export function knowledgeWorkspaceOptions(
  options: KnowledgeCliOptions & DataModelCliOptions,
): Pick<WorkspaceOptions, 'props' | 'builtinKnowledge' | 'dataModels'> {
  return {
    props: options.props ?? [],
    builtinKnowledge: options.builtinKnowledge !== false,
    dataModels: options.datamodels ?? [],
  };
}
