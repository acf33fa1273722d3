// Result rows as CSV text: RFC 4180, a header row, multivalues joined by newlines inside one
// quoted cell (Splunk's CSV export); the CLI's csv format and the REST API's output_mode=csv.
import type { Event } from '../../core/index.ts';
import { readField } from '../../core/index.ts';
import { formatValues } from './format-value.ts';

export function renderCsv(columns: readonly string[], rows: readonly Event[]): string {
  if (columns.length === 0) return '';
  return [null, ...rows].map((row) => csvLine(columns, row)).join('');
}

/** One CSV line with its CRLF: the header for `null`, else the row's values (output in pieces). */
export function csvLine(columns: readonly string[], row: Event | null): string {
  const cells =
    row === null
      ? columns.map(quoteCsv)
      : columns.map((c) => quoteCsv(formatValues(c, readField(row, c)).join('\n')));
  return `${cells.join(',')}\r\n`;
}

// Hand-written: the rule is four lines, and csv-stringify would be a dependency for it alone.
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
