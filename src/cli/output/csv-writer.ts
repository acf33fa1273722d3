// The `csv` format: RFC 4180, a header row, multivalues joined by newlines inside one quoted cell.
import { type Event, readField } from '../../core/index.ts';
import { formatValues } from './format-value.ts';
import { createHeldRowsWriter } from './held-rows-writer.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

/** Holds every row until `end`: the header needs every column. Splunk's CSV export joins multivalues with "\n". */
export function createCsvWriter(sink: TextSink): ResultWriter {
  return createHeldRowsWriter(sink, renderCsv);
}

export function renderCsv(columns: readonly string[], rows: readonly Event[]): string {
  if (columns.length === 0) return '';
  const lines = [columns.map(quoteCsv).join(',')];
  for (const row of rows) {
    lines.push(
      columns.map((c) => quoteCsv(formatValues(c, readField(row, c)).join('\n'))).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// Hand-written: the rule is four lines, and csv-stringify would be a dependency for it alone.
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
