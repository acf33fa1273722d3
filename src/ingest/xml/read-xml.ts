// Reader for Windows event XML: Splunk XmlWinEventLog (one <Event> per line or concatenated) and
// rendered documents (wevtutil, Event Viewer, evtxexport, python-evtx, evtx_dump).
import type { EventSource } from '../../core/event.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText } from '../text/decode-text.ts';
import { XmlEventScanner } from './xml-scanner.ts';

/** One batch per decoded chunk (about 1 MiB of text, a thousand events or so). */
export async function* readXml(input: ByteInput, options: ReadOptions): EventSource {
  const scanner = new XmlEventScanner(input.path, options);
  for await (const text of decodeText(input)) {
    const events = scanner.push(text);
    if (events.length > 0) yield events;
    if (options.signal?.aborted) return;
  }
  const events = scanner.finish();
  if (events.length > 0) yield events;
}
