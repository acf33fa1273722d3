// One atomic write: events (encoded batches, encoded-events.ts) grouped by partition and put in
// time order, tables and columns created as needed, rows appended in data chunks, then counters,
// acks, checkpoints and COMMIT in one statement list (DuckDB fsyncs its WAL once per commit). The
// in-memory catalog changes only once it committed. Every await here is a turn of the event loop
// the write waits for behind whatever the main thread is doing (HTTP), so there are few of them.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { EncodedEvents } from '../encoded-events.ts';
import { encodeEvents } from '../event-encoder.ts';
import type { IndexWrite, PartitionRows } from '../event-store.ts';
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

/**
 * Writes `batch` in one transaction; the catalog is updated only after COMMIT succeeds. Returns
 * the rows it appended to each partition: partitions only grow by appends (retention drops whole
 * tables), so a table's rowids are its rows' commit order and its counter is the next rowid.
 */
export async function writeBatch(
  connection: DuckDBConnection,
  catalog: Catalog,
  batch: IndexWrite,
  options: WriteOptions,
): Promise<PartitionRows[]> {
  const batches = writeBatches(batch);
  const groups = groupByPartition(batches, options.partitionSeconds);
  const newFields = new Map<string, string>();
  const columnOf = (field: string): string | undefined => {
    const known = catalog.fieldColumns.get(field) ?? newFields.get(field);
    if (known !== undefined) return known;
    if (field.length > MAX_COLUMN_FIELD_NAME) return undefined;
    if (catalog.fieldColumns.size + newFields.size >= MAX_FIELD_COLUMNS) return undefined;
    const column = `f_${catalog.fieldColumns.size + newFields.size + 1}`;
    newFields.set(field, column);
    return column;
  };
  const drafts: { draft: PartitionInfo; exists: boolean; newIrregular: string[] }[] = [];
  await connection.run('BEGIN TRANSACTION');
  let held: HeldBatches | undefined;
  try {
    held = new HeldBatches(batches);
    for (const [table, group] of groups) {
      const known = catalog.partitions.get(table);
      const draft: PartitionInfo = known
        ? { ...known, columns: [...known.columns], irregular: new Set(known.irregular) }
        : {
            table,
            index: group.index,
            start: group.start,
            end: group.start + options.partitionSeconds,
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
      const fieldColumns = newFields.size === 0 ? catalog.fieldColumns : merged(catalog, newFields);
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
      const newIrregular = [...rows.irregular].filter((f) => !draft.irregular.has(f));
      for (const field of newIrregular) draft.irregular.add(field);
      drafts.push({ draft, exists: known !== undefined, newIrregular });
    }
    held.release();
    const statements: string[] = [];
    for (const [field, column] of newFields) {
      statements.push(`INSERT INTO store_fields VALUES (${literal(field)}, ${literal(column)})`);
    }
    for (const { draft, exists, newIrregular } of drafts) {
      statements.push(partitionRowSql(draft, exists));
      if (newIrregular.length > 0) {
        statements.push(
          `INSERT INTO store_irregular VALUES ${newIrregular.map((f) => `(${literal(draft.table)}, ${literal(f)})`).join(', ')}`,
        );
      }
    }
    statements.push(...progressSql(batch, options.now()), 'COMMIT');
    await connection.run(statements.join(';\n'));
  } catch (error) {
    held?.release();
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
  for (const [field, column] of newFields) catalog.addField(field, column);
  const rows: PartitionRows[] = [];
  for (const { draft, exists } of drafts) {
    const before = exists ? (catalog.partitions.get(draft.table)?.events ?? 0) : 0;
    rows.push({
      table: draft.table,
      index: draft.index,
      start: draft.start,
      from: before,
      to: draft.events,
    });
    catalog.partitions.set(draft.table, draft);
  }
  return rows;
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

function progressSql(batch: IndexWrite, now: number): string[] {
  const statements: string[] = [];
  const acks = batch.acks ?? [];
  if (acks.length > 0) {
    statements.push(
      `INSERT INTO store_acks VALUES ${acks.map((a) => `(${literal(a.channel)}, ${Math.trunc(a.ackId)}, ${now})`).join(', ')}`,
    );
  }
  for (const c of batch.checkpoints ?? []) {
    statements.push(
      `INSERT INTO store_checkpoints VALUES (${literal(c.key)}, ${Math.trunc(c.position)}, ${c.complete}, ${literal(c.detail)}, ${now})
       ON CONFLICT (key) DO UPDATE SET position = excluded.position, complete = excluded.complete,
       detail = excluded.detail, updated = excluded.updated`,
    );
  }
  return statements;
}
