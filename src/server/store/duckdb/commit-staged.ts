// One group commit (staged-writes.ts): in one transaction on the committing connection, the
// partitions created or given the columns their staged rows need, the staged rows moved in,
// then partition counters, new fields, acks, checkpoints and COMMIT - one statement list, one
// `run` (a libuv thread: the row groups' compression and the fsync happen off the main thread).
// The in-memory catalog changes only once it committed.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AckRecord, Checkpoint } from '../event-store.ts';
import {
  type Catalog,
  createPartitionSql,
  type PartitionInfo,
  partitionRowSql,
} from './catalog.ts';
import { literal } from './sql-text.ts';
import { addPartitionColumnSql, moveStagedSql, type Staging, type Ticket } from './staging.ts';

export interface StagedCommit {
  readonly stagings: readonly Staging[];
  /** The writes this commit completes (their acks and checkpoints are written with it). */
  readonly tickets: readonly Ticket[];
  /** Field → column assignments not committed yet. */
  readonly fields: ReadonlyMap<string, string>;
}

export async function commitStaged(
  connection: DuckDBConnection,
  catalog: Catalog,
  commit: StagedCommit,
  options: { readonly partitionSeconds: number; readonly now: () => number },
): Promise<void> {
  const statements = ['BEGIN TRANSACTION'];
  const drafts = new Map<string, { draft: PartitionInfo; exists: boolean }>();
  for (const staging of commit.stagings) {
    let entry = drafts.get(staging.table);
    if (entry === undefined) {
      const known = catalog.partitions.get(staging.table);
      const draft: PartitionInfo = known
        ? { ...known, columns: [...known.columns], irregular: new Set(known.irregular) }
        : {
            table: staging.table,
            index: staging.index,
            start: staging.start,
            end: staging.start + options.partitionSeconds,
            events: 0,
            rawBytes: 0,
            minTime: Number.POSITIVE_INFINITY,
            maxTime: Number.NEGATIVE_INFINITY,
            columns: [],
            irregular: new Set(),
          };
      entry = { draft, exists: known !== undefined };
      drafts.set(staging.table, entry);
      // A new partition is created with every column its first staged rows need.
      if (!known) {
        statements.push(createPartitionSql(staging.table, staging.columns));
        draft.columns.push(...staging.columns);
      }
    }
    const { draft } = entry;
    const present = new Set(draft.columns);
    for (const column of staging.columns) {
      if (present.has(column)) continue;
      statements.push(addPartitionColumnSql(staging.table, column));
      draft.columns.push(column);
    }
    statements.push(moveStagedSql(staging));
    draft.events += staging.rows;
    draft.rawBytes += staging.rawBytes;
    draft.minTime = Math.min(draft.minTime, staging.minTime);
    draft.maxTime = Math.max(draft.maxTime, staging.maxTime);
    for (const field of staging.irregular) draft.irregular.add(field);
  }
  for (const [field, column] of commit.fields) {
    statements.push(`INSERT INTO store_fields VALUES (${literal(field)}, ${literal(column)})`);
  }
  for (const { draft, exists } of drafts.values()) {
    statements.push(partitionRowSql(draft, exists));
    const before = catalog.partitions.get(draft.table)?.irregular;
    const newIrregular = [...draft.irregular].filter((f) => !before?.has(f));
    if (newIrregular.length > 0) {
      statements.push(
        `INSERT INTO store_irregular VALUES ${newIrregular.map((f) => `(${literal(draft.table)}, ${literal(f)})`).join(', ')}`,
      );
    }
  }
  const live = commit.tickets.filter((t) => t.failed === undefined);
  statements.push(
    ...progressSql(
      live.flatMap((t) => t.write.acks ?? []),
      live.flatMap((t) => t.write.checkpoints ?? []),
      options.now(),
    ),
    'COMMIT',
  );
  try {
    await connection.run(statements.join(';\n'));
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
  for (const [field, column] of commit.fields) catalog.addField(field, column);
  for (const { draft } of drafts.values()) catalog.partitions.set(draft.table, draft);
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
