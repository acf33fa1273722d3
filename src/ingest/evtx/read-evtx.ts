// The EVTX reader: a file path in, batches of events (or of rendered XML records) out.
import { availableParallelism } from 'node:os';
import type { Event, EventSource } from '../../core/index.ts';
import { INGEST_CODES } from '../problem-codes.ts';
import type { ReadOptions } from '../read-options.ts';
import { CHUNK_SIZE } from './chunk-header.ts';
import type { EvtxProblem } from './decoded.ts';
import { decodeEvtxEvents, decodeEvtxFile } from './evtx-file.ts';
import type { XmlStyle } from './render/xml-writer.ts';

export interface EvtxReadOptions {
  /** Also read records found in slack space and in chunks with a damaged header (`--recover`). */
  readonly recover?: boolean;
  /** Worker threads for chunk decoding; 0 = none. Default: none on 2 cores or fewer, else one
   * fewer than the cores, at most 4. */
  readonly workers?: number;
  /**
   * The layout of events' `_raw` (readEvtx): `windows` (default: one line, as Windows renders
   * it and Splunk indexes it) or `evtxexport` (`spelunk dump --format xml`).
   */
  readonly rawStyle?: XmlStyle;
}

/** Events are handed on in batches of at least this many (one chunk holds ~100-300). */
const BATCH_SIZE = 512;

/**
 * Reads an EVTX file as events: each record is decoded to System values and Data items and mapped
 * with `windowsEventToEvent`, exactly as the XML reader maps the same record rendered as XML.
 * `_raw` is the record rendered as Windows renders it (only when `options.needRaw`).
 */
export function readEvtx(
  path: string,
  options: ReadOptions,
  evtx: EvtxReadOptions = {},
): EventSource {
  return {
    [Symbol.asyncIterator]: () => readEvents(path, options, evtx),
  };
}

async function* readEvents(
  path: string,
  options: ReadOptions,
  evtx: EvtxReadOptions,
): AsyncGenerator<readonly Event[]> {
  const workers = evtx.workers ?? defaultWorkers();
  const chunks = decodeEvtxEvents(
    path,
    {
      index: options.index,
      source: options.source,
      sourcetype: options.sourcetype,
      // Worker threads hand events over as data, so they render `_raw` up front.
      raw: options.needRaw ? (workers > 0 ? 'eager' : 'lazy') : 'none',
      rawStyle: evtx.rawStyle,
      recover: evtx.recover ?? false,
      workers,
      signal: options.signal,
    },
    reporter(path, options),
  );
  let batch: Event[] = [];
  for await (const chunk of chunks) {
    // Every chunk is CHUNK_SIZE bytes of the file (the last may be shorter: progress only).
    options.onFileBytes?.(CHUNK_SIZE);
    reportAll(path, options, chunk.problems);
    // As the XML reader reports the same record: ING401, and `_time` 0.
    for (const record of chunk.untimed) {
      options.onProblem({
        code: INGEST_CODES.missingTime,
        path,
        location: `record ${record.recordId} @0x${record.offset.toString(16)}`,
        message: 'no SystemTime or UtcTime: _time is 0',
        kind: 'damaged',
      });
    }
    if (batch.length === 0 && chunk.records.length >= BATCH_SIZE) {
      yield chunk.records;
      continue;
    }
    for (const event of chunk.records) batch.push(event);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Reads an EVTX file as rendered XML, one string per record, in `evtxexport -f xml` layout by
 * default (`spelunk dump --format xml`).
 */
export async function* readEvtxXml(
  path: string,
  options: Pick<ReadOptions, 'onProblem' | 'signal'>,
  evtx: EvtxReadOptions & { readonly style?: XmlStyle } = {},
): AsyncGenerator<readonly string[]> {
  const chunks = decodeEvtxFile(
    path,
    {
      parts: false,
      xml: evtx.style ?? 'evtxexport',
      recover: evtx.recover ?? false,
      workers: evtx.workers ?? defaultWorkers(),
      signal: options.signal,
    },
    reporter(path, options),
  );
  for await (const chunk of chunks) {
    reportAll(path, options, chunk.problems);
    if (chunk.records.length > 0) yield chunk.records.map((r) => r.xml ?? '');
  }
}

function reporter(path: string, options: Pick<ReadOptions, 'onProblem'>) {
  return (problem: EvtxProblem) =>
    options.onProblem({
      code: problem.code,
      path,
      location: problem.location,
      message: problem.message,
      kind: problem.kind,
    });
}

function reportAll(
  path: string,
  options: Pick<ReadOptions, 'onProblem'>,
  problems: readonly EvtxProblem[],
): void {
  const report = reporter(path, options);
  for (const problem of problems) report(problem);
}

/**
 * Worker threads pay for themselves only when a core is free for them: the main thread still
 * reads, unpacks and maps every event. On two cores or fewer decoding stays on the main thread
 * (bench `evtx` measured workers slower there).
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 0 : Math.min(4, cores - 1);
}
