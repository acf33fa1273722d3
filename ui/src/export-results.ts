// Export of the results shown, as CSV (RFC 4180: quoted when needed, quotes doubled, multivalues
// on separate lines of one cell, as Splunk exports them) or JSON (one array of objects).
import { type Row, valueText } from './api.ts';

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(fields: readonly string[], rows: readonly Row[]): string {
  const lines = [fields.map(csvCell).join(',')];
  for (const row of rows) lines.push(fields.map((f) => csvCell(valueText(row[f]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
