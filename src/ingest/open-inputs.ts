// The one entry point every command uses to read events: paths → resolve (walk directories) →
// per file: open bytes (gzip) → choose format (sniff) → read → batches; with a summary at the end.
import { DiagnosticError, type EventSource } from '../core/index.ts';
import type { EvtxReadOptions } from './evtx/index.ts';
import type { EvtxInputOptions } from './formats/evtx.ts';
import type { InputFormatName } from './formats/input-format.ts';
import type { ByteInput } from './input/byte-input.ts';
import type { InputSummary } from './input/input-summary.ts';
import { InputTally } from './input/input-tally.ts';
import { type ByteOrigin, openBytes } from './input/open-bytes.ts';
import { ioReason, resolveInputPaths, STDIN_PATH } from './input/resolve-paths.ts';
import { chooseFormat, type FormatChoice } from './input/sniff.ts';
import { INGEST_CODES } from './problem-codes.ts';
import type { IngestProblem, ReadOptions } from './read-options.ts';
import { BinaryContentError } from './text/decode-text.ts';
import { DEFAULT_WINDOWS_INDEX } from './windows/windows-event.ts';

export interface InputOptions {
  /** Splunk index of every event (`--index`); default `wineventlog`. */
  readonly index?: string;
  /** Skips sniffing (`--input-format`). */
  readonly inputFormat?: InputFormatName;
  /** Whether anything downstream reads `_raw` (default true). */
  readonly needRaw?: boolean;
  /** Replace every event's `source` / `sourcetype` (contentctl-style replay). */
  readonly source?: string;
  readonly sourcetype?: string;
  readonly signal?: AbortSignal;
  /** Called for each problem as it happens (to print it); the summary keeps them too. */
  readonly onProblem?: (problem: IngestProblem) => void;
  /** What `-` reads; default `process.stdin`. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /**
   * Called with the size of each piece of input handed to a reader (decompressed bytes for gzip;
   * EVTX files, read by offset, count their chunks as they are decoded): progress reports.
   */
  readonly onBytes?: (bytes: number) => void;
  /** How EVTX files are read: `recover` (slack space), `workers`, the `_raw` layout. */
  readonly evtx?: EvtxReadOptions;
}

export interface OpenedInputs {
  /** Every event of every input, in input order, in batches. Iterate once. */
  readonly source: EventSource;
  /** The inputs that will be read, in order (directories expanded). */
  readonly files: readonly string[];
  /** What was read and skipped so far; complete once `source` is drained. */
  summary(): InputSummary;
}

/**
 * Resolves `paths` now (so a missing path is known before reading) and reads lazily as `source`
 * is iterated. Paths that do not exist are reported (ING001) and the others still read.
 */
export async function openInputs(
  paths: readonly string[],
  options: InputOptions = {},
): Promise<OpenedInputs> {
  const resolved = await resolveInputPaths(paths);
  const tally = new InputTally(resolved.ignored, options.onProblem);
  for (const { path, reason } of resolved.missing) {
    tally.refuse(tally.startFile(path), INGEST_CODES.pathNotFound, reason);
  }
  for (const { path, reason } of resolved.refused) {
    tally.refuse(tally.startFile(path), INGEST_CODES.notAFile, reason);
  }
  return {
    source: readInputs(resolved.files, options, tally),
    files: resolved.files,
    summary: () => tally.summary(),
  };
}

async function* readInputs(
  files: readonly string[],
  options: InputOptions,
  tally: InputTally,
): EventSource {
  for (const path of files) {
    if (options.signal?.aborted) return;
    const report = tally.startFile(path);
    const origin: ByteOrigin =
      path === STDIN_PATH
        ? { path, stream: options.stdin ?? process.stdin }
        : { path, filePath: path };
    let input: ByteInput;
    try {
      const opened = await openBytes(origin);
      if (opened.kind === 'container') {
        tally.refuse(
          report,
          INGEST_CODES.unsupportedContainer,
          `a ${opened.container} archive or stream: unpack it first`,
        );
        continue;
      }
      input = options.onBytes ? countingBytes(opened.input, options.onBytes) : opened.input;
    } catch (error) {
      if (!isReadError(error)) throw error;
      tally.refuse(report, readErrorCode(error), readErrorReason(error));
      continue;
    }
    const choice = chooseFormat(input, options.inputFormat);
    if (choice.kind !== 'format' || choice.format.read === undefined) {
      await input.close();
      const damage = input.damage?.();
      if (damage !== undefined && input.head.length === 0) {
        tally.refuse(report, INGEST_CODES.gzipCorrupt, damage);
        continue;
      }
      if (choice.kind === 'empty') tally.setFormat(report, 'empty', input.compressed);
      else if (choice.kind === 'mismatch')
        tally.refuse(report, INGEST_CODES.formatMismatch, mismatchReason(choice));
      else if (choice.kind === 'unknown')
        tally.refuse(
          report,
          INGEST_CODES.unknownFormat,
          `${choice.reason}; --input-format can force a format`,
        );
      else
        tally.refuse(
          report,
          INGEST_CODES.noReader,
          `${choice.format.description}: this build has no reader for them`,
        );
      continue;
    }
    tally.setFormat(report, choice.format.name, input.compressed);
    const readOptions: ReadOptions & EvtxInputOptions = {
      index: options.index ?? DEFAULT_WINDOWS_INDEX,
      ...(options.index === undefined ? { stashKeepsIndex: true } : {}),
      needRaw: options.needRaw ?? true,
      onProblem: (problem) => tally.problem(report, problem),
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.sourcetype === undefined ? {} : { sourcetype: options.sourcetype }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.evtx === undefined ? {} : { evtx: options.evtx }),
      ...(options.onBytes === undefined ? {} : { onFileBytes: options.onBytes }),
    };
    try {
      for await (const batch of choice.format.read(input, readOptions)) {
        report.events += batch.length;
        // Provenance: every event names the input it came from (docs/inputs.md).
        for (const event of batch) event['_file'] = path;
        yield batch;
      }
      const damage = input.damage?.();
      if (damage !== undefined && !options.signal?.aborted) {
        tally.problem(report, {
          code: INGEST_CODES.gzipCorrupt,
          path,
          location: `after ${report.events} events`,
          message: `${damage}; every event before it was read`,
          kind: 'skipped',
        });
      }
    } catch (error) {
      // A reader that cannot start (an EVTX file header cut short) says why with a diagnostic.
      if (error instanceof DiagnosticError && report.events === 0) {
        const first = error.diagnostics[0];
        tally.refuse(
          report,
          first?.code ?? INGEST_CODES.unreadable,
          first?.message ?? error.message,
        );
        continue;
      }
      if (!isReadError(error) && !(error instanceof DiagnosticError)) throw error;
      tally.problem(report, {
        code:
          error instanceof DiagnosticError
            ? (error.diagnostics[0]?.code ?? '')
            : readErrorCode(error),
        path,
        location: `after ${report.events} events`,
        message: `${error instanceof DiagnosticError ? error.message : readErrorReason(error)}; the rest of the file is not read`,
        kind: 'skipped',
      });
    }
  }
}

function mismatchReason(choice: Extract<FormatChoice, { kind: 'mismatch' }>): string {
  const { forced, content } = choice;
  const what =
    content === undefined
      ? 'not an EVTX file: it does not start with "ElfFile\\0"'
      : content.name === 'evtx'
        ? `${content.description} (it starts with "ElfFile")`
        : `${content.description} (it starts with "${choice.start}")`;
  return `--input-format ${forced.name}, but this is ${what}: leave --input-format out to detect the format`;
}

function countingBytes(input: ByteInput, onBytes: (bytes: number) => void): ByteInput {
  return {
    ...input,
    chunks: async function* () {
      for await (const chunk of input.chunks()) {
        onBytes(chunk.length);
        yield chunk;
      }
    },
  };
}

/** I/O and decompression errors: the input's fault, reported; anything else is a bug. */
function isReadError(error: unknown): error is NodeJS.ErrnoException {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && (code.startsWith('E') || code.startsWith('Z_'));
}

function readErrorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (error instanceof BinaryContentError) return INGEST_CODES.binaryContent;
  return code.startsWith('Z_') ? INGEST_CODES.gzipCorrupt : INGEST_CODES.unreadable;
}

function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (error instanceof BinaryContentError)
    return `binary content (a NUL byte) at byte ${error.offset}`;
  if (code === 'Z_BUF_ERROR') return 'the gzip stream is truncated';
  if (code.startsWith('Z_')) return `the gzip stream is corrupt (${(error as Error).message})`;
  return ioReason(error as NodeJS.ErrnoException);
}
