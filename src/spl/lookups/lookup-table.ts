// A lookup table in memory, and reading one from CSV text (header row = column names).
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { error, failed, type Result, succeeded } from '../../core/index.ts';

/** Cells are strings; an empty CSV cell is null (undefined), as in Splunk's CSV lookups. */
export type LookupCell = string | undefined;

export interface LookupTable {
  /** The file it was read from, or the collection name. */
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly LookupCell[])[];
}

export function emptyLookupTable(name: string, columns: readonly string[]): LookupTable {
  return { name, columns, rows: [] };
}

/** Reads CSV bytes (gzip-compressed when the name ends in `.gz`); `file` names it in messages. */
export function readLookupCsv(bytes: Uint8Array, file: string): Result<LookupTable> {
  let text: string;
  try {
    text = (file.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : Buffer.from(bytes)).toString(
      'utf8',
    );
  } catch (cause) {
    return failed([
      error('LKP201', `cannot decompress lookup file: ${(cause as Error).message}`, {
        location: file,
      }),
    ]);
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (cause) {
    const lines = (cause as { lines?: number }).lines;
    return failed([
      error('LKP202', `invalid CSV: ${(cause as Error).message}`, {
        location: lines === undefined ? file : `${file}:${lines}`,
      }),
    ]);
  }
  const header = records[0];
  if (header === undefined || header.length === 0) {
    return failed([error('LKP203', 'lookup file has no header row', { location: file })]);
  }
  const columns = header.map((c) => c.trim());
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined) {
    return failed([
      error('LKP204', `lookup file has column "${duplicate}" twice`, {
        location: `${file}:1`,
      }),
    ]);
  }
  const rows: LookupCell[][] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] ?? [];
    const row: LookupCell[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const cell = record[c];
      row[c] = cell === undefined || cell === '' ? undefined : cell;
    }
    rows.push(row);
  }
  return succeeded({ name: file, columns, rows });
}
