// Test helper: runs a reader over text or bytes given in chunks, collecting events and problems.
import type { Event, EventSource } from '../../../src/core/event.ts';
import type { ByteInput } from '../../../src/ingest/input/byte-input.ts';
import { openBytes } from '../../../src/ingest/input/open-bytes.ts';
import type { IngestProblem, ReadOptions } from '../../../src/ingest/read-options.ts';

export interface ReadResult {
  readonly events: Event[];
  readonly problems: IngestProblem[];
  readonly batches: number;
}

export type Reader = (input: ByteInput, options: ReadOptions) => EventSource;

/** Splits `content` into chunks of `chunkSize` bytes (small sizes test chunk boundaries). */
export async function* chunksOf(
  content: string | Uint8Array,
  chunkSize: number,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export async function byteInput(
  content: string | Uint8Array,
  path = 'test.input',
  chunkSize = 1 << 20,
): Promise<ByteInput> {
  const opened = await openBytes({ path, stream: chunksOf(content, chunkSize) });
  if (opened.kind !== 'bytes') throw new Error(`unexpected container ${opened.container}`);
  return opened.input;
}

export async function readWith(
  reader: Reader,
  content: string | Uint8Array,
  options: Partial<Omit<ReadOptions, 'onProblem'>> & { chunkSize?: number; path?: string } = {},
): Promise<ReadResult> {
  const problems: IngestProblem[] = [];
  const events: Event[] = [];
  let batches = 0;
  const { chunkSize, path, ...rest } = options;
  const input = await byteInput(content, path ?? 'test.input', chunkSize ?? 1 << 20);
  for await (const batch of reader(input, {
    index: 'wineventlog',
    needRaw: false,
    ...rest,
    onProblem: (p) => problems.push(p),
  })) {
    events.push(...batch);
    batches++;
  }
  return { events, problems, batches };
}
