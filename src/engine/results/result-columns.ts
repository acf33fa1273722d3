// Which columns a result set shows, and in what order.
import type { Event } from '../../core/index.ts';

/**
 * Columns in order of first appearance over the rows: `table`, `fields` and `stats` build rows in
 * their own column order, so this keeps it. Internal fields (`_` prefix) are hidden as Splunk
 * hides them, except `_time` and `_raw`.
 */
export class ColumnCollector {
  readonly #seen = new Set<string>();
  readonly columns: string[] = [];

  add(rows: readonly Event[]): void {
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (this.#seen.has(key) || row[key] === undefined) continue;
        this.#seen.add(key);
        if (isShown(key)) this.columns.push(key);
      }
    }
  }
}

export function isShown(field: string): boolean {
  return !field.startsWith('_') || field === '_time' || field === '_raw';
}
