// One atomic write: events grouped by partition and put in time order, tables and columns created
// as needed, rows appended in data chunks, counters, acks and checkpoints recorded, then COMMIT
// (DuckDB fsyncs its WAL once per commit). The in-memory catalog changes only once it committed.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Event } from '../../../core/index.ts';
import type { IndexWrite } from '../event-store.ts';
import {
  type Catalog,
  createPartitionSql,
  type PartitionInfo,
  partitionRowSql,
  TEXT_TYPE,
} from './catalog.ts';
import {
  appendEvents,
  MAX_COLUMN_FIELD_NAME,
  MAX_FIELD_COLUMNS,
  planColumns,
} from './encode-rows.ts';
import { partitionStart, partitionTable } from './partition-key.ts';
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
  const groups = groupByPartition(batch.events, options.partitionSeconds);
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
  try {
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
      const added = planColumns(group.events, draft, columnOf);
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
      group.events.sort((a, b) => (a['_time'] as number) - (b['_time'] as number));
      const fieldColumns = newFields.size === 0 ? catalog.fieldColumns : merged(catalog, newFields);
      const appender = await connection.createAppender(table);
      let rows: ReturnType<typeof appendEvents>;
      try {
        rows = appendEvents(appender, group.events, draft.columns, fieldColumns);
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
    for (const [field, column] of newFields) {
      await connection.run(
        `INSERT INTO store_fields VALUES (${literal(field)}, ${literal(column)})`,
      );
    }
    for (const { draft, exists, newIrregular } of drafts) {
      await connection.run(partitionRowSql(draft, exists));
      if (newIrregular.length > 0) {
        await connection.run(
          `INSERT INTO store_irregular VALUES ${newIrregular.map((f) => `(${literal(draft.table)}, ${literal(f)})`).join(', ')}`,
        );
      }
    }
    await recordProgress(connection, batch, options.now());
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
  for (const [field, column] of newFields) catalog.addField(field, column);
  for (const { draft } of drafts) catalog.partitions.set(draft.table, draft);
}

interface PartitionGroup {
  readonly index: string;
  readonly start: number;
  readonly events: Event[];
}

function groupByPartition(
  events: readonly Event[],
  partitionSeconds: number,
): Map<string, PartitionGroup> {
  const groups = new Map<string, PartitionGroup>();
  for (const event of events) {
    const time = event['_time'];
    const index = event['index'];
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new Error('an event without a valid _time reached the store');
    }
    if (typeof index !== 'string') throw new Error('an event without an index reached the store');
    const start = partitionStart(time, partitionSeconds);
    const table = partitionTable(index, start);
    let group = groups.get(table);
    if (group === undefined) {
      group = { index, start, events: [] };
      groups.set(table, group);
    }
    group.events.push(event);
  }
  return groups;
}

function merged(catalog: Catalog, added: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...catalog.fieldColumns, ...added]);
}

async function recordProgress(
  connection: DuckDBConnection,
  batch: IndexWrite,
  now: number,
): Promise<void> {
  const acks = batch.acks ?? [];
  if (acks.length > 0) {
    await connection.run(
      `INSERT INTO store_acks VALUES ${acks.map((a) => `(${literal(a.channel)}, ${Math.trunc(a.ackId)}, ${now})`).join(', ')}`,
    );
  }
  for (const c of batch.checkpoints ?? []) {
    await connection.run(
      `INSERT INTO store_checkpoints VALUES (${literal(c.key)}, ${Math.trunc(c.position)}, ${c.complete}, ${literal(c.detail)}, ${now})
       ON CONFLICT (key) DO UPDATE SET position = excluded.position, complete = excluded.complete,
       detail = excluded.detail, updated = excluded.updated`,
    );
  }
}
