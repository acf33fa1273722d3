// Monitor inputs (config `inputs:`): watch a folder or file, index new EVTX files whole and the
// complete lines appended to text files (XmlWinEventLog, JSON lines, CSV). Each file's checkpoint
// - events of an EVTX file, bytes of a text file - is committed with the events it covers, so a
// restart neither loses nor repeats them. A text file that shrinks or is replaced (new inode) is
// read again from its start; an EVTX file is read once it stops changing between two looks.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Event } from '../../core/index.ts';
import {
  type IngestProblem,
  type InputFormatName,
  openInputs,
  resolveInputPaths,
} from '../../ingest/index.ts';
import type { MonitorConfig } from '../config/config-schema.ts';
import type { Checkpoint } from '../store/event-store.ts';
import { type IngestService, ServerBusyError } from './ingest-service.ts';

/** Bytes of a text file read per look (cut at its last complete line). */
const MAX_RANGE_BYTES = 8 * 1024 * 1024;
const BATCH_EVENTS = 5000;

interface FileState {
  readonly ino: number;
  readonly format?: InputFormatName;
  /** CSV: the header line, given again before each later range. */
  readonly header?: string;
}

export class MonitorInputs {
  private readonly inputs: readonly MonitorConfig[];
  private readonly ingest: IngestService;
  private readonly log: (line: string) => void;
  private readonly timers: NodeJS.Timeout[] = [];
  /** EVTX sizes seen at the previous look, to read a file only once it stops changing. */
  private readonly lastSize = new Map<string, number>();
  private running = new Set<MonitorConfig>();
  private stopped = false;

  constructor(
    inputs: readonly MonitorConfig[],
    ingest: IngestService,
    log: (line: string) => void,
  ) {
    this.inputs = inputs;
    this.ingest = ingest;
    this.log = log;
  }

  start(): void {
    for (const input of this.inputs) {
      const look = () => void this.look(input);
      look();
      const timer = setInterval(look, input.interval * 1000);
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
  }

  /** One look at an input; a look still running when the next is due is not doubled. */
  async look(input: MonitorConfig): Promise<void> {
    if (this.running.has(input) || this.stopped) return;
    this.running.add(input);
    try {
      const resolved = await resolveInputPaths([input.monitor]);
      for (const file of resolved.files) {
        if (this.stopped) return;
        try {
          if (file.toLowerCase().endsWith('.evtx')) await this.readEvtx(file, input);
          else await this.readText(file, input);
        } catch (error) {
          if (error instanceof ServerBusyError) return; // the next look carries on
          this.log(`monitor ${file}: ${(error as Error).message}`);
        }
      }
    } finally {
      this.running.delete(input);
    }
  }

  private async readEvtx(file: string, input: MonitorConfig): Promise<void> {
    const info = await stat(file);
    const key = checkpointKey(file);
    const previous = await this.ingest.checkpoint(key);
    const state = parseState(previous);
    const same =
      previous !== undefined &&
      state?.ino === info.ino &&
      previous.complete &&
      sizeOf(previous) === info.size;
    const stable = this.lastSize.get(file) === info.size;
    this.lastSize.set(file, info.size);
    if (same || !stable) return;
    const skip = state?.ino === info.ino ? (previous?.position ?? 0) : 0;
    const detail = (size: number) => JSON.stringify({ ino: info.ino, size, path: file });
    const inputs = await openInputs([file], {
      ...readOptions(input),
      needRaw: true,
      onProblem: this.problem,
    });
    let seen = 0;
    let pending: Event[] = [];
    const flush = async (complete: boolean) => {
      await this.submit(pending, {
        key,
        position: seen,
        complete,
        detail: detail(complete ? info.size : -1),
      });
      pending = [];
    };
    for await (const batch of inputs.source) {
      for (const event of batch) if (++seen > skip) pending.push(event);
      if (pending.length >= BATCH_EVENTS) await flush(false);
    }
    await flush(true);
  }

  private async readText(file: string, input: MonitorConfig): Promise<void> {
    const info = await stat(file);
    const key = checkpointKey(file);
    const previous = await this.ingest.checkpoint(key);
    let state = parseState(previous);
    let offset = previous?.position ?? 0;
    if (state === undefined || state.ino !== info.ino || info.size < offset) {
      state = { ino: info.ino };
      offset = 0;
    }
    while (offset < info.size && !this.stopped) {
      const end = await lastLineEnd(file, offset, Math.min(info.size, offset + MAX_RANGE_BYTES));
      if (end <= offset) return; // no complete line yet
      const header = state.format === 'csv' && offset > 0 ? `${state.header ?? ''}\n` : '';
      const stream = rangeStream(file, offset, end, header);
      const inputs = await openInputs(['-'], {
        ...readOptions(input),
        ...(state.format === undefined ? {} : { inputFormat: state.format }),
        stdin: stream,
        needRaw: true,
        onProblem: (p) => this.problem({ ...p, path: file }),
      });
      const events: Event[] = [];
      for await (const batch of inputs.source) events.push(...batch);
      const format: InputFormatName | 'empty' | undefined =
        state.format ?? inputs.summary().files[0]?.format;
      if (state.format === undefined && format !== undefined && format !== 'empty') {
        state = {
          ino: info.ino,
          format,
          ...(format === 'csv' ? { header: await firstLine(file) } : {}),
        };
      }
      await this.submit(events, {
        key,
        position: end,
        complete: false,
        detail: JSON.stringify(state),
      });
      offset = end;
    }
  }

  private async submit(events: readonly Event[], checkpoint: Checkpoint): Promise<void> {
    await this.ingest.submit({ events, checkpoints: [checkpoint], bytes: 0 });
  }

  private readonly problem = (problem: IngestProblem): void => {
    this.log(
      `monitor ${problem.path} ${problem.location}: ${problem.code ?? ''} ${problem.message}`,
    );
  };
}

function checkpointKey(file: string): string {
  return `monitor:${path.resolve(file)}`;
}

function parseState(checkpoint: Checkpoint | undefined): FileState | undefined {
  if (checkpoint === undefined) return undefined;
  try {
    const state = JSON.parse(checkpoint.detail) as FileState;
    return typeof state.ino === 'number' ? state : undefined;
  } catch {
    return undefined;
  }
}

function sizeOf(checkpoint: Checkpoint): number {
  try {
    return (JSON.parse(checkpoint.detail) as { size?: number }).size ?? -1;
  } catch {
    return -1;
  }
}

function readOptions(input: MonitorConfig) {
  return {
    ...(input.index === undefined ? {} : { index: input.index }),
    ...(input.sourcetype === undefined ? {} : { sourcetype: input.sourcetype }),
    ...(input.source === undefined ? {} : { source: input.source }),
  };
}

/** The offset after the last newline in [from, to), or `from` when there is none. */
async function lastLineEnd(file: string, from: number, to: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const size = to - from;
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, from);
    const nl = buffer.subarray(0, bytesRead).lastIndexOf(10);
    return nl < 0 ? from : from + nl + 1;
  } finally {
    await handle.close();
  }
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const nl = text.indexOf('\n');
    return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}

async function* rangeStream(
  file: string,
  start: number,
  end: number,
  prefix: string,
): AsyncIterable<Uint8Array> {
  if (prefix !== '') yield Buffer.from(prefix);
  if (end > start) yield* createReadStream(file, { start, end: end - 1 }) as AsyncIterable<Buffer>;
}
