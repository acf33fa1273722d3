// What the store knows about its own tables: partitions, the column of each field, and which
// fields of a partition hold values outside their column. Kept in catalog tables written in the
// same transaction as the events, and mirrored in memory.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from './sql-text.ts';

export interface PartitionInfo {
  readonly table: string;
  readonly index: string;
  readonly start: number;
  readonly end: number;
  events: number;
  rawBytes: number;
  minTime: number;
  maxTime: number;
  /** Field columns in table order (after the fixed columns). */
  readonly columns: string[];
  /** Fields with some value in `extra` (a multivalue, a number, or no column): not exact in SQL. */
  readonly irregular: Set<string>;
}

/** The columns every partition starts with; field columns follow. */
export const FIXED_COLUMNS = ['_time', 'host', 'source', 'sourcetype', '_raw', 'extra'] as const;

/** Text columns are compressed with zstd (server-facts.md: 0.15x of `_raw` in the latest format). */
export const TEXT_TYPE = 'VARCHAR USING COMPRESSION zstd';

export const CATALOG_DDL = [
  'CREATE TABLE IF NOT EXISTS store_settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
  `CREATE TABLE IF NOT EXISTS store_partitions (table_name VARCHAR PRIMARY KEY, index_name VARCHAR NOT NULL,
    start_time DOUBLE NOT NULL, end_time DOUBLE NOT NULL, events BIGINT NOT NULL, raw_bytes BIGINT NOT NULL,
    min_time DOUBLE NOT NULL, max_time DOUBLE NOT NULL)`,
  'CREATE TABLE IF NOT EXISTS store_fields (field VARCHAR PRIMARY KEY, col VARCHAR NOT NULL)',
  'CREATE TABLE IF NOT EXISTS store_irregular (table_name VARCHAR NOT NULL, field VARCHAR NOT NULL)',
  `CREATE TABLE IF NOT EXISTS store_acks (channel VARCHAR NOT NULL, ack_id BIGINT NOT NULL,
    committed DOUBLE NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS store_checkpoints (key VARCHAR PRIMARY KEY, position BIGINT NOT NULL,
    complete BOOLEAN NOT NULL, detail VARCHAR NOT NULL, updated DOUBLE NOT NULL)`,
];

export class Catalog {
  readonly partitions = new Map<string, PartitionInfo>();
  /** field name → column name (`f_<n>`), shared by every partition. */
  readonly fieldColumns = new Map<string, string>();
  /** column name → field name. */
  readonly columnFields = new Map<string, string>();

  static async load(connection: DuckDBConnection): Promise<Catalog> {
    for (const ddl of CATALOG_DDL) await connection.run(ddl);
    const catalog = new Catalog();
    const fields = await connection.runAndReadAll('SELECT field, col FROM store_fields');
    for (const [field, col] of fields.getRows()) catalog.addField(String(field), String(col));
    const parts = await connection.runAndReadAll(
      `SELECT table_name, index_name, start_time, end_time, events, raw_bytes, min_time, max_time
       FROM store_partitions`,
    );
    for (const row of parts.getRows()) {
      const [table, index, start, end, events, rawBytes, minTime, maxTime] = row;
      catalog.partitions.set(String(table), {
        table: String(table),
        index: String(index),
        start: Number(start),
        end: Number(end),
        events: Number(events),
        rawBytes: Number(rawBytes),
        minTime: Number(minTime),
        maxTime: Number(maxTime),
        columns: [],
        irregular: new Set(),
      });
    }
    const columns = await connection.runAndReadAll(
      `SELECT table_name, column_name FROM duckdb_columns()
       WHERE schema_name = 'main' AND table_name LIKE 'ev\\_%' ESCAPE '\\' ORDER BY table_name, column_index`,
    );
    for (const [table, column] of columns.getRows()) {
      const info = catalog.partitions.get(String(table));
      if (info && !(FIXED_COLUMNS as readonly string[]).includes(String(column)))
        info.columns.push(String(column));
    }
    const irregular = await connection.runAndReadAll(
      'SELECT table_name, field FROM store_irregular',
    );
    for (const [table, field] of irregular.getRows()) {
      catalog.partitions.get(String(table))?.irregular.add(String(field));
    }
    return catalog;
  }

  addField(field: string, column: string): void {
    this.fieldColumns.set(field, column);
    this.columnFields.set(column, field);
  }

  /** Partitions of these indexes overlapping [earliest, latest), newest first. */
  select(indexes: readonly string[], earliest?: number, latest?: number): PartitionInfo[] {
    const wanted = new Set(indexes);
    return [...this.partitions.values()]
      .filter(
        (p) =>
          wanted.has(p.index) &&
          (earliest === undefined || p.maxTime >= earliest) &&
          (latest === undefined || p.minTime < latest),
      )
      .sort((a, b) => b.start - a.start || a.index.localeCompare(b.index));
  }
}

/** The SQL that records a partition's counters (insert or update). */
export function partitionRowSql(p: PartitionInfo, exists: boolean): string {
  if (exists) {
    return `UPDATE store_partitions SET events = ${p.events}, raw_bytes = ${p.rawBytes},
      min_time = ${p.minTime}, max_time = ${p.maxTime} WHERE table_name = ${literal(p.table)}`;
  }
  return `INSERT INTO store_partitions VALUES (${literal(p.table)}, ${literal(p.index)}, ${p.start},
    ${p.end}, ${p.events}, ${p.rawBytes}, ${p.minTime}, ${p.maxTime})`;
}

export function createPartitionSql(table: string, fieldColumns: readonly string[]): string {
  const fields = fieldColumns.map((c) => `, ${ident(c)} ${TEXT_TYPE}`).join('');
  return `CREATE TABLE ${ident(table)} (_time DOUBLE NOT NULL, host ${TEXT_TYPE}, source ${TEXT_TYPE},
    sourcetype ${TEXT_TYPE}, _raw ${TEXT_TYPE}, extra ${TEXT_TYPE}${fields})`;
}
