// One atomic write: events (encoded batches, encoded-events.ts) grouped by partition and put in
// time order, tables and columns created as needed, rows appended in data chunks, then counters,
// acks, checkpoints and COMMIT in one statement list (DuckDB fsyncs its WAL once per commit). The
// in-memory catalog changes only once it committed. Every await here is a turn of the event loop
// the write waits for behind whatever the main thread is doing (HTTP), so there are few of them.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { EncodedEvents } from '../encoded-events.ts';
import { encodeEvents } from '../event-encoder.ts';
import type { AckRecord, Checkpoint, IndexWrite } from '../event-store.ts';
import { appendEncoded, HeldBatches } from './append-encoded.ts';
import {
  type Catalog,
  createPartitionSql,
  type PartitionInfo,
  partitionRowSql,
  TEXT_TYPE,
} from './catalog.ts';
import { partitionStart, partitionTable } from './partition-key.ts';
import {
  MAX_COLUMN_FIELD_NAME,
  MAX_FIELD_COLUMNS,
  planColumns,
  type RowRefs,
} from './plan-columns.ts';
import { ident, literal } from './sql-text.ts';

export interface WriteOptions {
  readonly partitionSeconds: number;
  readonly now: () => number;
}

/** Writes `batch` in one transaction; the catalog is updated only after COMMIT succeeds. */
export async function writeBatch(
  connection: DuckDBConnection,
  catalog: Catalog,
  batch: IndexWrite,
  options: WriteOptions,
): Promise<void> {
  const transaction = await StoreTransaction.begin(connection, catalog, options);
  try {
    await transaction.append(batch);
  } catch (error) {
    await transaction.rollback();
    throw error;
  }
  await transaction.commit();
}

/**
 * One transaction on the writer connection that writes may be appended to one after another
 * (a group commit) before COMMIT. What it adds to the catalog (partitions, their counters, new
 * field columns, irregular fields) is kept here and reaches the catalog only after COMMIT. Once
 * one table has gained a row group's worth of rows in it, DuckDB writes those rows compressed
 * straight to the database file at COMMIT and its WAL holds only a reference to them (its
 * "optimistic writes"), so the checkpoint has little to rewrite (docs/server.md).
 */
export class StoreTransaction {
  private readonly connection: DuckDBConnection;
  private readonly catalog: Catalog;
  private readonly options: WriteOptions;
  private readonly newFields = new Map<string, string>();
  /** Partitions written in this transaction, as they will be after COMMIT. */
  private readonly drafts = new Map<string, PartitionInfo>();
  private readonly acks: AckRecord[] = [];
  private readonly checkpoints: Checkpoint[] = [];
  /** Rows appended in this transaction: in all, and to the table that gained the most. */
  rows = 0;
  maxTableRows = 0;
  private readonly tableRows = new Map<string, number>();
  private done = false;

  private constructor(connection: DuckDBConnection, catalog: Catalog, options: WriteOptions) {
    this.connection = connection;
    this.catalog = catalog;
    this.options = options;
  }

  static async begin(
    connection: DuckDBConnection,
    catalog: Catalog,
    options: WriteOptions,
  ): Promise<StoreTransaction> {
    await connection.run('BEGIN TRANSACTION');
    return new StoreTransaction(connection, catalog, options);
  }

  /**
   * Appends a write's rows; its acks and checkpoints are written at COMMIT. If this throws, the
   * transaction is in an unknown state: roll it back.
   */
  async append(batch: IndexWrite): Promise<void> {
    const { catalog, newFields, connection } = this;
    const batches = writeBatches(batch);
    const groups = groupByPartition(batches, this.options.partitionSeconds);
    const columnOf = (field: string): string | undefined => {
      const known = catalog.fieldColumns.get(field) ?? newFields.get(field);
      if (known !== undefined) return known;
      if (field.length > MAX_COLUMN_FIELD_NAME) return undefined;
      if (catalog.fieldColumns.size + newFields.size >= MAX_FIELD_COLUMNS) return undefined;
      const column = `f_${catalog.fieldColumns.size + newFields.size + 1}`;
      newFields.set(field, column);
      return column;
    };
    const held = new HeldBatches(batches);
    try {
      for (const [table, group] of groups) {
        const known = this.drafts.get(table) ?? catalog.partitions.get(table);
        const draft: PartitionInfo = known
          ? { ...known, columns: [...known.columns], irregular: new Set(known.irregular) }
          : {
              table,
              index: group.index,
              start: group.start,
              end: group.start + this.options.partitionSeconds,
              events: 0,
              rawBytes: 0,
              minTime: Number.POSITIVE_INFINITY,
              maxTime: Number.NEGATIVE_INFINITY,
              columns: [],
              irregular: new Set(),
            };
        const added = planColumns(batches, group.refs, draft, columnOf);
        // A new partition is created with every column its first batch needs: one statement.
        if (!known) await connection.run(createPartitionSql(table, added));
        else {
          for (const column of added) {
            await connection.run(
              `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(column)} ${TEXT_TYPE}`,
            );
          }
        }
        draft.columns.push(...added);
        const fieldColumns =
          newFields.size === 0 ? catalog.fieldColumns : merged(catalog, newFields);
        const appender = await connection.createAppender(table);
        let rows: ReturnType<typeof appendEncoded>;
        try {
          rows = appendEncoded(
            appender,
            held,
            inTimeOrder(batches, group.refs),
            draft.columns,
            fieldColumns,
          );
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
        draft.events += rows.count;
        draft.rawBytes += rows.rawBytes;
        draft.minTime = Math.min(draft.minTime, rows.minTime);
        draft.maxTime = Math.max(draft.maxTime, rows.maxTime);
        for (const field of rows.irregular) draft.irregular.add(field);
        this.drafts.set(table, draft);
        const tableRows = (this.tableRows.get(table) ?? 0) + rows.count;
        this.tableRows.set(table, tableRows);
        this.maxTableRows = Math.max(this.maxTableRows, tableRows);
        this.rows += rows.count;
      }
    } finally {
      held.release();
    }
    this.acks.push(...(batch.acks ?? []));
    this.checkpoints.push(...(batch.checkpoints ?? []));
  }

  /**
   * Counters, new fields, acks, checkpoints and COMMIT as one statement list (one fsync), then the
   * catalog. If COMMIT fails the transaction is rolled back and nothing reaches the catalog.
   */
  async commit(): Promise<void> {
    this.finish();
    const { catalog } = this;
    const statements: string[] = [];
    for (const [field, column] of this.newFields) {
      statements.push(`INSERT INTO store_fields VALUES (${literal(field)}, ${literal(column)})`);
    }
    for (const draft of this.drafts.values()) {
      const before = catalog.partitions.get(draft.table);
      statements.push(partitionRowSql(draft, before !== undefined));
      const newIrregular = [...draft.irregular].filter((f) => !before?.irregular.has(f));
      if (newIrregular.length > 0) {
        statements.push(
          `INSERT INTO store_irregular VALUES ${newIrregular.map((f) => `(${literal(draft.table)}, ${literal(f)})`).join(', ')}`,
        );
      }
    }
    statements.push(...progressSql(this.acks, this.checkpoints, this.options.now()), 'COMMIT');
    try {
      await this.connection.run(statements.join(';\n'));
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => {});
      throw error;
    }
    for (const [field, column] of this.newFields) catalog.addField(field, column);
    for (const draft of this.drafts.values()) catalog.partitions.set(draft.table, draft);
  }

  async rollback(): Promise<void> {
    this.finish();
    await this.connection.run('ROLLBACK').catch(() => {});
  }

  private finish(): void {
    if (this.done) throw new Error('the store transaction has ended');
    this.done = true;
  }
}

interface PartitionGroup {
  readonly index: string;
  readonly start: number;
  readonly refs: { batchOf: number[]; rowOf: number[] };
}

/** The write's encoded batches, its plain events encoded as one more. */
function writeBatches(write: IndexWrite): EncodedEvents[] {
  const batches = (write.encoded ?? []).filter((b) => b.count > 0);
  if (write.events.length > 0) batches.push(encodeEvents(write.events));
  return batches;
}

function groupByPartition(
  batches: readonly EncodedEvents[],
  partitionSeconds: number,
): Map<string, { index: string; start: number; refs: RowRefs }> {
  const groups = new Map<string, PartitionGroup>();
  batches.forEach((batch, b) => {
    for (let i = 0; i < batch.count; i++) {
      const index = batch.indexNames[batch.indexIds[i] as number] as string;
      const start = partitionStart(batch.times[i] as number, partitionSeconds);
      const table = partitionTable(index, start);
      let group = groups.get(table);
      if (group === undefined) {
        group = { index, start, refs: { batchOf: [], rowOf: [] } };
        groups.set(table, group);
      }
      group.refs.batchOf.push(b);
      group.refs.rowOf.push(i);
    }
  });
  return new Map(
    [...groups].map(([table, g]) => [
      table,
      {
        index: g.index,
        start: g.start,
        refs: { batchOf: Int32Array.from(g.refs.batchOf), rowOf: Int32Array.from(g.refs.rowOf) },
      },
    ]),
  );
}

/** The rows sorted by `_time` (stable: rows of equal time keep their arrival order). */
function inTimeOrder(batches: readonly EncodedEvents[], refs: RowRefs): RowRefs {
  const n = refs.batchOf.length;
  const keys = new Float64Array(n);
  let sorted = true;
  for (let k = 0; k < n; k++) {
    keys[k] = (batches[refs.batchOf[k] as number] as EncodedEvents).times[
      refs.rowOf[k] as number
    ] as number;
    if (k > 0 && (keys[k] as number) < (keys[k - 1] as number)) sorted = false;
  }
  if (sorted) return refs;
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
  );
  return {
    batchOf: Int32Array.from(order, (k) => refs.batchOf[k] as number),
    rowOf: Int32Array.from(order, (k) => refs.rowOf[k] as number),
  };
}

function merged(catalog: Catalog, added: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...catalog.fieldColumns, ...added]);
}

function progressSql(
  acks: readonly AckRecord[],
  checkpoints: readonly Checkpoint[],
  now: number,
): string[] {
  const statements: string[] = [];
  if (acks.length > 0) {
    statements.push(
      `INSERT INTO store_acks VALUES ${acks.map((a) => `(${literal(a.channel)}, ${Math.trunc(a.ackId)}, ${now})`).join(', ')}`,
    );
  }
  for (const c of checkpoints) {
    statements.push(
      `INSERT INTO store_checkpoints VALUES (${literal(c.key)}, ${Math.trunc(c.position)}, ${c.complete}, ${literal(c.detail)}, ${now})
       ON CONFLICT (key) DO UPDATE SET position = excluded.position, complete = excluded.complete,
       detail = excluded.detail, updated = excluded.updated`,
    );
  }
  return statements;
}
