// Reader for Windows event XML: Splunk XmlWinEventLog (one <Event> per line or concatenated) and
// rendered documents (wevtutil, Event Viewer, evtxexport, python-evtx, evtx_dump).
import type { EventSource } from '../../core/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';
import { readScannedText } from '../text/read-scanned-text.ts';
import { XmlEventScanner } from './xml-scanner.ts';

export function readXml(input: ByteInput, options: ReadOptions): EventSource {
  return readScannedText(input, options, new XmlEventScanner(input.path, options, input.skipped));
}
