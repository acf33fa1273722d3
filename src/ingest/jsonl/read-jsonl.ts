// Reader for JSON lines and concatenated JSON objects, in the shapes of docs/inputs.md.
import type { EventSource } from '../../core/event.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText } from '../text/decode-text.ts';
import { JsonlScanner } from './jsonl-scanner.ts';

/** One batch per decoded chunk (about 1 MiB of text). */
export async function* readJsonl(input: ByteInput, options: ReadOptions): EventSource {
  const scanner = new JsonlScanner(input.path, options);
  for await (const text of decodeText(input)) {
    const events = scanner.push(text);
    if (events.length > 0) yield events;
    if (options.signal?.aborted) return;
  }
  const events = scanner.finish();
  if (events.length > 0) yield events;
}
