// An AggregateQuery as one GROUP BY over the partitions it touches (UNION ALL of their projected
// rows). Refused (InexactAggregateError) when a partition cannot give exact answers: a field used
// holds multivalues or numbers somewhere in it, or the filter has a part SQL cannot state exactly.
import type { DuckDBInstance } from '@duckdb/node-api';
import {
  type AggregateQuery,
  type AggregateRow,
  InexactAggregateError,
  type StoreAggregate,
} from '../aggregate-query.ts';
import type { Catalog, PartitionInfo } from './catalog.ts';
import { partitionScope, timeConditions } from './read-events.ts';
import { exactSql } from './render-filter.ts';
import { ident, literal } from './sql-text.ts';

export async function aggregate(
  instance: DuckDBInstance,
  catalog: Catalog,
  query: AggregateQuery,
): Promise<readonly AggregateRow[]> {
  const partitions = catalog.select(query.indexes, query.earliest, query.latest);
  const inputs = aggregateInputs(query.aggregates);
  const selects: string[] = [];
  for (const partition of partitions) {
    const select = partitionSelect(catalog, partition, query, inputs);
    if (select !== undefined) selects.push(select);
  }
  if (selects.length === 0) return query.by.length === 0 ? [emptyRow(query.aggregates)] : [];
  const by = query.by.map((_, i) => `b${i}`);
  const measures = query.aggregates.map((a, i) => measure(a, inputs.indexOf(fieldOf(a) ?? ''), i));
  const sql = `SELECT ${[...by, ...measures].join(', ')} FROM (${selects.join(' UNION ALL ')})${
    by.length > 0
      ? ` WHERE ${by.map((b) => `${b} IS NOT NULL`).join(' AND ')} GROUP BY ${by.join(', ')}`
      : ''
  }`;
  const connection = await instance.connect();
  try {
    const pending = connection.runAndReadAll(sql);
    const abort = () => connection.interrupt();
    query.signal?.addEventListener('abort', abort, { once: true });
    try {
      const rows = (await pending).getRows() as unknown as (string | number | bigint | null)[][];
      return rows.map((row) => ({
        by: row.slice(0, by.length).map((v) => String(v)),
        values: row.slice(by.length).map((v) => (v === null ? undefined : Number(v))),
      }));
    } finally {
      query.signal?.removeEventListener('abort', abort);
    }
  } finally {
    connection.closeSync();
  }
}

function fieldOf(aggregate: StoreAggregate): string | undefined {
  return aggregate.kind === 'countField' || aggregate.kind === 'distinct'
    ? aggregate.field
    : undefined;
}

/** The fields the aggregates read, each selected once as `a<i>`. */
function aggregateInputs(aggregates: readonly StoreAggregate[]): string[] {
  return [...new Set(aggregates.flatMap((a) => fieldOf(a) ?? []))];
}

function measure(aggregate: StoreAggregate, input: number, i: number): string {
  switch (aggregate.kind) {
    case 'count':
      return `count(*) AS m${i}`;
    case 'countField':
      return `count(a${input}) AS m${i}`;
    case 'distinct':
      return `count(DISTINCT a${input}) AS m${i}`;
    case 'minTime':
      return `min(_time) AS m${i}`;
    case 'maxTime':
      return `max(_time) AS m${i}`;
  }
}

function partitionSelect(
  catalog: Catalog,
  partition: PartitionInfo,
  query: AggregateQuery,
  inputs: readonly string[],
): string | undefined {
  const scope = partitionScope(catalog, partition);
  const filter = exactSql(query.filter, scope);
  if (filter === undefined) {
    throw new InexactAggregateError(
      `the search's filter cannot be evaluated exactly inside the store (index ${partition.index})`,
    );
  }
  if (filter === 'FALSE') return undefined;
  const column = (field: string): string => {
    if (field === 'index') return literal(partition.index);
    if (field === '_time') {
      // The same IEEE operations as bin's Math.floor(n / seconds) * seconds, so equal buckets.
      const seconds = query.timeBucket ?? 1;
      if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error('a bad time bucket');
      return `floor(_time / ${seconds}::DOUBLE) * ${seconds}::DOUBLE`;
    }
    if (partition.irregular.has(field)) {
      throw new InexactAggregateError(`field ${field} holds multivalue or non-text values`);
    }
    return scope.columnOf(field) ?? 'NULL::VARCHAR';
  };
  const projected = [
    ...query.by.map((field, i) => `${column(field)} AS b${i}`),
    ...inputs.map((field, i) => `${column(field)} AS a${i}`),
    '_time',
  ];
  const where = [...timeConditions(query), ...(filter === 'TRUE' ? [] : [filter])];
  return `SELECT ${projected.join(', ')} FROM ${ident(partition.table)}${
    where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  }`;
}

function emptyRow(aggregates: readonly StoreAggregate[]): AggregateRow {
  return {
    by: [],
    values: aggregates.map((a) => (a.kind === 'minTime' || a.kind === 'maxTime' ? undefined : 0)),
  };
}
