// The `table` format: aligned columns for a terminal, multivalues stacked one value per line.
import { type Event, maxOf, readField } from '../../core/index.ts';
import { formatValues } from '../../engine/index.ts';
import { createHeldRowsWriter } from './held-rows-writer.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

/** Holds every row until `end`: column widths depend on all of them. */
export function createTableWriter(sink: TextSink): ResultWriter {
  return createHeldRowsWriter(sink, renderTable);
}

export function renderTable(columns: readonly string[], rows: readonly Event[]): string {
  if (rows.length === 0) return 'No results.\n';
  if (columns.length === 0) return `${rows.length} result(s) with no visible fields.\n`;
  const cells = rows.map((row) =>
    columns.map((c) => formatValues(c, readField(row, c)).map((v) => v.replace(/\r?\n/g, ' '))),
  );
  const widths = columns.map((c, i) =>
    Math.max(c.length, maxOf(cells.map((row) => maxOf((row[i] ?? []).map((v) => v.length))))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of cells) {
    const height = Math.max(1, maxOf(row.map((values) => values.length)));
    for (let k = 0; k < height; k++) out.push(line(row.map((values) => values[k] ?? '')));
  }
  return `${out.join('\n')}\n`;
}
