// Retention: whole partitions dropped by age and by size, oldest first, as Splunk freezes buckets.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DroppedPartition, RetentionPolicy } from '../event-store.ts';
import type { Catalog, PartitionInfo } from './catalog.ts';
import { ident, literal } from './sql-text.ts';

/** Which partitions the policies drop; `usedBytes` is the database's, shared out by raw bytes. */
export function partitionsToDrop(
  catalog: Catalog,
  policies: readonly RetentionPolicy[],
  now: number,
  usedBytes: number,
): { partition: PartitionInfo; reason: 'age' | 'size' }[] {
  const all = [...catalog.partitions.values()];
  const totalRaw = all.reduce((n, p) => n + p.rawBytes, 0);
  const bytesPerRaw = totalRaw === 0 ? 0 : usedBytes / totalRaw;
  const dropped: { partition: PartitionInfo; reason: 'age' | 'size' }[] = [];
  for (const policy of policies) {
    const mine = all.filter((p) => p.index === policy.index).sort((a, b) => a.start - b.start);
    let bytes = mine.reduce((n, p) => n + p.rawBytes * bytesPerRaw, 0);
    for (const partition of mine) {
      const old = now - Math.max(partition.end, partition.maxTime) > policy.maxAgeSeconds;
      const big = bytes > policy.maxBytes;
      if (!old && !big) continue;
      dropped.push({ partition, reason: old ? 'age' : 'size' });
      bytes -= partition.rawBytes * bytesPerRaw;
    }
  }
  return dropped;
}

/** Drops the partitions and old acks in one transaction; the catalog follows on commit. */
export async function dropPartitions(
  connection: DuckDBConnection,
  catalog: Catalog,
  drops: readonly { partition: PartitionInfo; reason: 'age' | 'size' }[],
  ackCutoff: number,
): Promise<DroppedPartition[]> {
  await connection.run('BEGIN TRANSACTION');
  try {
    for (const { partition } of drops) {
      await connection.run(`DROP TABLE IF EXISTS ${ident(partition.table)}`);
      await connection.run(
        `DELETE FROM store_partitions WHERE table_name = ${literal(partition.table)}`,
      );
      await connection.run(
        `DELETE FROM store_irregular WHERE table_name = ${literal(partition.table)}`,
      );
      // Consumers' checkpoints in it (partitionCheckpointKey): a partition made again later for
      // late events starts from row 0.
      await connection.run(
        `DELETE FROM store_checkpoints WHERE ends_with(key, ${literal(`@${partition.table}`)})`,
      );
    }
    await connection.run(`DELETE FROM store_acks WHERE committed < ${ackCutoff}`);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
  for (const { partition } of drops) catalog.partitions.delete(partition.table);
  return drops.map(({ partition, reason }) => ({
    index: partition.index,
    start: partition.start,
    events: partition.events,
    reason,
  }));
}
