// Text formats read by a scanner that turns decoded text pieces into events (XML, JSON lines).
import type { Event, EventSource } from '../../core/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText, MIN_BATCH } from './decode-text.ts';

/** Cuts text into events; a piece may end inside an event, which the next piece completes. */
export interface TextEventScanner {
  /** Appends the events completed by `text` to `batch`. */
  push(text: string, batch: Event[]): void;
  /** The end of the input: appends the last event (or reports the truncated one). */
  finish(batch: Event[]): void;
}

/** Batches of at least MIN_BATCH events (fewer at the end), one text piece read at a time. */
export async function* readScannedText(
  input: ByteInput,
  options: ReadOptions,
  scanner: TextEventScanner,
): EventSource {
  let batch: Event[] = [];
  // A read that breaks (I/O error, binary content) still hands on the records read before it.
  let failure: { readonly error: unknown } | undefined;
  try {
    for await (const text of decodeText(input)) {
      scanner.push(text, batch);
      if (batch.length >= MIN_BATCH) {
        yield batch;
        batch = [];
      }
      if (options.signal?.aborted) return;
    }
  } catch (error) {
    failure = { error };
  }
  scanner.finish(batch);
  if (batch.length > 0) yield batch;
  if (failure !== undefined) throw failure.error;
}
