// Reader for JSON lines and concatenated JSON objects, in the shapes of docs/inputs.md.
import type { EventSource } from '../../core/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { readScannedText } from '../text/read-scanned-text.ts';
import { JsonlScanner } from './jsonl-scanner.ts';

export function readJsonl(input: ByteInput, options: ReadOptions): EventSource {
  return readScannedText(input, options, new JsonlScanner(input.path, options, input.skipped));
}
