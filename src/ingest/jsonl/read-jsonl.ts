// Reader for JSON lines and concatenated JSON objects, in the shapes of docs/inputs.md.
import type { Event, EventSource } from '../../core/event.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText, MIN_BATCH } from '../text/decode-text.ts';
import { JsonlScanner } from './jsonl-scanner.ts';

/** Batches of at least MIN_BATCH events (fewer at the end), one text piece read at a time. */
export async function* readJsonl(input: ByteInput, options: ReadOptions): EventSource {
  const scanner = new JsonlScanner(input.path, options);
  let batch: Event[] = [];
  for await (const text of decodeText(input)) {
    scanner.push(text, batch);
    if (batch.length >= MIN_BATCH) {
      yield batch;
      batch = [];
    }
    if (options.signal?.aborted) return;
  }
  scanner.finish(batch);
  if (batch.length > 0) yield batch;
}
