// The table of output formats: name → writer factory.
import { createCsvWriter } from './csv-writer.ts';
import { createJsonWriter } from './json-writer.ts';
import { createJsonlWriter } from './jsonl-writer.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';
import { createTableWriter } from './table-writer.ts';

const OUTPUT_FORMATS = {
  table: createTableWriter,
  json: createJsonWriter,
  jsonl: createJsonlWriter,
  csv: createCsvWriter,
} as const satisfies Record<string, (sink: TextSink) => ResultWriter>;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormat[];

export function createResultWriter(format: OutputFormat, sink: TextSink): ResultWriter {
  return OUTPUT_FORMATS[format](sink);
}

export type { ResultWriter, TextSink } from './result-writer.ts';
export { renderTable } from './table-writer.ts';
