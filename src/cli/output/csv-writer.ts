// The `csv` format: RFC 4180, a header row, multivalues joined by newlines inside one quoted cell.
import { renderCsv } from '../../engine/index.ts';
import { createHeldRowsWriter } from './held-rows-writer.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

/** Holds every row until `end`: the header needs every column. Splunk's CSV export joins multivalues with "\n". */
export function createCsvWriter(sink: TextSink): ResultWriter {
  return createHeldRowsWriter(sink, renderCsv);
}
