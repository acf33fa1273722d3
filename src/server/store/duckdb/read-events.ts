// A StoreQuery run partition by partition, newest partition first and newest event first (the order
// Splunk returns events in), as batches of events built from only the columns asked for.

import type { DuckDBInstance } from '@duckdb/node-api';
import {
  type Event,
  type EventSource,
  type FieldWriter,
  fieldWriter,
  type MaybeValue,
} from '../../../core/index.ts';
import type { PartitionRows } from '../event-store.ts';
import { FILTER_TRUE, type StoreQuery } from '../store-query.ts';
import type { Catalog, PartitionInfo } from './catalog.ts';
import { type FilterScope, looseSql } from './render-filter.ts';
import { ident, numberLiteral } from './sql-text.ts';

export async function* readEvents(
  instance: DuckDBInstance,
  catalog: Catalog,
  query: StoreQuery,
): EventSource {
  const partitions = catalog.select(query.indexes, query.earliest, query.latest);
  if (partitions.length === 0) return;
  yield* streamPlans(instance, plans(), query.signal);
  function* plans(): Iterable<PlannedPartition> {
    for (const partition of partitions) {
      const plan = selectPlan(catalog, partition, query);
      if (plan !== undefined) yield { plan, index: partition.index };
    }
  }
}

/** Rows [from, to) of one partition in row (commit) order, every field (event-store.ts readRows). */
export async function* readRows(
  instance: DuckDBInstance,
  catalog: Catalog,
  rows: PartitionRows,
  options: { readonly raw: boolean; readonly earliest?: number },
): EventSource {
  const partition = catalog.partitions.get(rows.table);
  if (partition === undefined || rows.from >= rows.to) return;
  const query: StoreQuery = {
    indexes: [partition.index],
    filter: FILTER_TRUE,
    fields: 'all',
    raw: options.raw,
    ...(options.earliest === undefined ? {} : { earliest: options.earliest }),
  };
  const range = `rowid >= ${Math.trunc(rows.from)} AND rowid < ${Math.trunc(rows.to)}`;
  const plan = selectPlan(catalog, partition, query, { where: [range], order: 'rowid' });
  if (plan !== undefined) yield* streamPlans(instance, [{ plan, index: partition.index }]);
}

interface PlannedPartition {
  readonly plan: SelectPlan;
  readonly index: string;
}

/** Each plan's rows as events, in order, on one connection; stops when `signal` aborts. */
async function* streamPlans(
  instance: DuckDBInstance,
  plans: Iterable<PlannedPartition>,
  signal?: AbortSignal,
): EventSource {
  const connection = await instance.connect();
  try {
    for (const { plan, index } of plans) {
      if (signal?.aborted) return;
      const result = await connection.stream(plan.sql);
      for (;;) {
        if (signal?.aborted) return;
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) break;
        yield toEvents(chunk.getColumns() as unknown as ColumnValues[], plan, index);
      }
    }
  } finally {
    connection.closeSync();
  }
}

type ColumnValues = readonly (string | number | null)[];

interface SelectPlan {
  readonly sql: string;
  readonly raw: boolean;
  readonly extra: boolean;
  /** Field names and writers of the selected field columns, in select order. */
  readonly fields: readonly { readonly name: string; readonly write: FieldWriter }[];
  /** Which fields to take from `extra` (all when undefined). */
  readonly wanted: ReadonlySet<string> | undefined;
}

export function partitionScope(catalog: Catalog, partition: PartitionInfo): FilterScope {
  const present = new Set(partition.columns);
  return {
    partition,
    columnOf: (field) => {
      if (field === 'host' || field === 'source' || field === 'sourcetype' || field === '_raw')
        return field;
      const column = catalog.fieldColumns.get(field);
      return column !== undefined && present.has(column) ? ident(column) : undefined;
    },
  };
}

/** The time bound of a query as SQL conditions on `_time`. */
export function timeConditions(query: { earliest?: number; latest?: number }): string[] {
  const conditions: string[] = [];
  if (query.earliest !== undefined) conditions.push(`_time >= ${numberLiteral(query.earliest)}`);
  if (query.latest !== undefined) conditions.push(`_time < ${numberLiteral(query.latest)}`);
  return conditions;
}

function selectPlan(
  catalog: Catalog,
  partition: PartitionInfo,
  query: StoreQuery,
  rows: { readonly where: readonly string[]; readonly order: string } = {
    where: [],
    order: '_time DESC',
  },
): SelectPlan | undefined {
  const filter = looseSql(query.filter, partitionScope(catalog, partition));
  if (filter === 'FALSE') return undefined;
  const wanted = query.fields === 'all' ? undefined : query.fields;
  const fields: { name: string; write: FieldWriter }[] = [];
  const columns = ['_time', 'host', 'source', 'sourcetype'];
  if (query.raw) columns.push('_raw');
  const extra = wanted === undefined || [...partition.irregular].some((field) => wanted.has(field));
  if (extra) columns.push('extra');
  for (const column of partition.columns) {
    const name = catalog.columnFields.get(column);
    if (name === undefined || (wanted !== undefined && !wanted.has(name))) continue;
    columns.push(ident(column));
    fields.push({ name, write: fieldWriter(name) });
  }
  const where = [...timeConditions(query), ...(filter === 'TRUE' ? [] : [filter]), ...rows.where];
  const sql = `SELECT ${columns.join(', ')} FROM ${ident(partition.table)}${
    where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  } ORDER BY ${rows.order}`;
  return { sql, raw: query.raw, extra, fields, wanted };
}

function toEvents(columns: readonly ColumnValues[], plan: SelectPlan, index: string): Event[] {
  const [time, host, source, sourcetype] = columns as [
    ColumnValues,
    ColumnValues,
    ColumnValues,
    ColumnValues,
  ];
  let next = 4;
  const raw = plan.raw ? columns[next++] : undefined;
  const extra = plan.extra ? columns[next++] : undefined;
  const first = next;
  const count = time.length;
  const events: Event[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const event: Event = { _time: time[i] as number, index };
    setText(event, 'host', host[i]);
    setText(event, 'source', source[i]);
    setText(event, 'sourcetype', sourcetype[i]);
    for (let f = 0; f < plan.fields.length; f++) {
      const value = (columns[first + f] as ColumnValues)[i];
      if (value !== null && value !== undefined) {
        (plan.fields[f] as { write: FieldWriter }).write(event, value as string);
      }
    }
    const rest = extra?.[i];
    if (typeof rest === 'string') addExtra(event, rest, plan.wanted);
    if (raw !== undefined) setText(event, '_raw', raw[i]);
    events[i] = event;
  }
  return events;
}

function setText(event: Event, name: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined) event[name] = value as string;
}

function addExtra(event: Event, json: string, wanted: ReadonlySet<string> | undefined): void {
  const values = JSON.parse(json) as Record<string, MaybeValue>;
  for (const name of Object.keys(values)) {
    if (wanted === undefined || wanted.has(name)) fieldWriter(name)(event, values[name]);
  }
}
