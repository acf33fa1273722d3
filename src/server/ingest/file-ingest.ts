// `spelunk ingest`: files and folders into the index, as `splunk add oneshot` does. Each file is
// keyed by a hash of its bytes; its checkpoint (events committed so far, complete or not) is
// written in the same transaction as its events, so the same content is never indexed twice and an
// interrupted ingest resumes where it stopped. The target is the store itself (no server holds the
// data directory) or a running server (ingest-client.ts): one interface, IngestTarget.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Event } from '../../core/index.ts';
import {
  type IngestProblem,
  type InputOptions,
  type InputSummary,
  openInputs,
  resolveInputPaths,
} from '../../ingest/index.ts';
import type { Checkpoint } from '../store/event-store.ts';

export interface IngestTarget {
  checkpoint(key: string): Promise<Checkpoint | undefined>;
  /** Writes the events and the checkpoint atomically. */
  write(events: readonly Event[], checkpoint: Checkpoint): Promise<void>;
}

export type FileOutcome =
  | {
      readonly path: string;
      readonly status: 'indexed';
      readonly events: number;
      readonly resumedAt: number;
    }
  | { readonly path: string; readonly status: 'already'; readonly detail: string }
  | { readonly path: string; readonly status: 'failed'; readonly reason: string };

export interface IngestProgress {
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly events: number;
}

export interface FileIngestOptions {
  readonly input: Omit<InputOptions, 'needRaw' | 'onBytes' | 'stdin'>;
  /** Events per write (one transaction each). */
  readonly batchEvents?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly onProblem?: (problem: IngestProblem) => void;
}

export interface FileIngestReport {
  readonly files: readonly FileOutcome[];
  readonly events: number;
  readonly summaries: readonly InputSummary[];
  readonly missing: readonly string[];
}

const DEFAULT_BATCH = 5000;

/** resolve paths → per file: hash → checkpoint → read (skipping what was committed) → write batches. */
export async function ingestFiles(
  paths: readonly string[],
  target: IngestTarget,
  options: FileIngestOptions,
): Promise<FileIngestReport> {
  const resolved = await resolveInputPaths(paths);
  const files = resolved.files.filter((f) => f !== '-');
  const sizes = await Promise.all(files.map(fileSize));
  const progress = {
    files: 0,
    totalFiles: files.length,
    bytes: 0,
    totalBytes: sum(sizes),
    events: 0,
  };
  const outcomes: FileOutcome[] = resolved.files
    .filter((f) => f === '-')
    .map(
      (path) =>
        ({
          path,
          status: 'failed',
          reason: 'stdin cannot be ingested: its content is not known before it is read',
        }) as const,
    );
  const summaries: InputSummary[] = [];
  for (const [i, path] of files.entries()) {
    const outcome = await ingestFile(
      path,
      target,
      options,
      (events, bytes) => {
        progress.events += events;
        progress.bytes += bytes;
        options.onProgress?.(progress);
      },
      summaries,
    );
    outcomes.push(outcome);
    progress.files++;
    progress.bytes = sum(sizes.slice(0, i + 1));
    options.onProgress?.(progress);
  }
  return {
    files: outcomes,
    events: progress.events,
    summaries,
    missing: resolved.missing.map((m) => `${m.path}: ${m.reason}`),
  };
}

async function ingestFile(
  path: string,
  target: IngestTarget,
  options: FileIngestOptions,
  advance: (events: number, bytes: number) => void,
  summaries: InputSummary[],
): Promise<FileOutcome> {
  let key: string;
  try {
    key = `file:${await hashFile(path)}`;
  } catch (error) {
    return { path, status: 'failed', reason: (error as Error).message };
  }
  const previous = await target.checkpoint(key);
  if (previous?.complete) return { path, status: 'already', detail: previous.detail };
  const skip = previous?.position ?? 0;
  const detail = `${path} (${new Date().toISOString()})`;
  const batchSize = options.batchEvents ?? DEFAULT_BATCH;
  const inputs = await openInputs([path], {
    ...options.input,
    needRaw: true,
    onBytes: (bytes) => advance(0, bytes),
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  });
  let seen = 0;
  let pending: Event[] = [];
  const flush = async (complete: boolean) => {
    await target.write(pending, { key, position: seen, complete, detail });
    advance(pending.length, 0);
    pending = [];
  };
  try {
    for await (const batch of inputs.source) {
      for (const event of batch) {
        seen++;
        if (seen > skip) pending.push(event);
      }
      if (pending.length >= batchSize) await flush(false);
    }
    await flush(true);
  } catch (error) {
    return { path, status: 'failed', reason: (error as Error).message };
  } finally {
    summaries.push(inputs.summary());
  }
  return { path, status: 'indexed', events: seen - skip, resumedAt: skip };
}

/** SHA-256 of the file's bytes, read in a stream. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
