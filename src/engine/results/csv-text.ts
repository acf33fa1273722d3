// Result rows as CSV text: RFC 4180, a header row, multivalues joined by newlines inside one
// quoted cell (Splunk's CSV export); the CLI's csv format and the REST API's output_mode=csv.
import type { Event } from '../../core/index.ts';
import { readField } from '../../core/index.ts';
import { formatValues } from './format-value.ts';

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
