// A writer for formats that need every row before printing any (table widths, the CSV header).
import type { Event } from '../../core/index.ts';
import { ColumnCollector } from '../../engine/index.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

/** Holds the rows and their columns (in order of first appearance) and renders them at `end`. */
export function createHeldRowsWriter(
  sink: TextSink,
  render: (columns: readonly string[], rows: readonly Event[]) => string,
): ResultWriter {
  const rows: Event[] = [];
  const columns = new ColumnCollector();
  return {
    write(batch) {
      columns.add(batch);
      for (const row of batch) rows.push(row);
    },
    end() {
      sink(render(columns.columns, rows));
    },
  };
}
