// The EVTX reading options of the commands that read events: --recover and --threads.
import { InvalidArgumentError, Option } from 'commander';
import type { EvtxReadOptions } from '../../ingest/evtx/index.ts';

export interface EvtxCliOptions {
  readonly recover?: boolean;
  readonly threads?: number;
}

/** Worker threads beyond this are refused (each holds its own decoder and template cache). */
const MAX_THREADS = 64;

export function recoverOption(): Option {
  return new Option(
    '--recover',
    'EVTX: also read intact records found in slack space and in chunks with a damaged header (reported as EVTX401)',
  );
}

export function threadsOption(): Option {
  return new Option(
    '--threads <n>',
    'EVTX: threads decoding chunks; 1 decodes on the main thread, more start that many worker threads (default: 1 on 2 cores or fewer, else one fewer than the cores, at most 4)',
  ).argParser(parseThreads);
}

function parseThreads(value: string): number {
  const threads = Number(value);
  if (!/^\d+$/.test(value) || threads < 1 || threads > MAX_THREADS) {
    throw new InvalidArgumentError(`a whole number from 1 to ${MAX_THREADS}`);
  }
  return threads;
}

/** The EVTX reader's options for the command's flags (unset flags keep the reader's defaults). */
export function evtxReadOptions(options: EvtxCliOptions): EvtxReadOptions {
  return {
    ...(options.recover === true ? { recover: true } : {}),
    ...(options.threads === undefined
      ? {}
      : { workers: options.threads > 1 ? options.threads : 0 }),
  };
}
