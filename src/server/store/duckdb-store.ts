// The event store on DuckDB (@duckdb/node-api): one database file in the data directory, in the
// latest storage format with zstd on text columns (server-facts.md), one table per index and time
// partition, catalog tables beside them. One process holds the file: a second one gets
// StoreLockedError and must go through the server that holds it.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Event, EventSource } from '../../core/index.ts';
import type { AggregateQuery, AggregateRow } from './aggregate-query.ts';
import { aggregate } from './duckdb/aggregate.ts';
import { Catalog } from './duckdb/catalog.ts';
import { DEFAULT_PARTITION_SECONDS } from './duckdb/partition-key.ts';
import { readEvents, readRows } from './duckdb/read-events.ts';
import { dropPartitions, partitionsToDrop } from './duckdb/retention.ts';
import { literal } from './duckdb/sql-text.ts';
import { writeBatch } from './duckdb/write-batch.ts';
import { decodeEvents } from './encoded-events.ts';
import { encodeEvents } from './event-encoder.ts';
import type {
  Checkpoint,
  CommitListener,
  CommittedEvents,
  DroppedPartition,
  EventStore,
  IndexSummary,
  IndexWrite,
  PartitionRows,
  RetentionPolicy,
} from './event-store.ts';
import type { StoreQuery } from './store-query.ts';

export const STORE_FILE = 'index.duckdb';

export interface StoreOptions {
  /** DuckDB's memory limit (its caches, sorts and writes; it spills to `tmp/` past it). */
  readonly memoryLimitMb?: number;
  /**
   * WAL size (MB) past which DuckDB checkpoints (default 256; DuckDB's own is 16). A checkpoint
   * rewrites every row group that gained rows, whole: at 16 MB (~4,500 Sysmon events) sustained
   * ingest rewrote the growing last row group of a partition again and again, and the checkpoints
   * took most of the ingest's CPU and stalled its commits (bench server-hec). The rows not yet
   * checkpointed stay within memoryLimitMb (DuckDB spills them to tmp/); a restart after a crash
   * replays up to this much WAL.
   */
  readonly checkpointThresholdMb?: number;
  readonly threads?: number;
  /** Span of a time partition in seconds (default one day). */
  readonly partitionSeconds?: number;
  /** Epoch seconds, for acks and checkpoints; tests inject it. */
  readonly now?: () => number;
}

/** Another process holds the data directory's database. */
export class StoreLockedError extends Error {
  constructor(file: string, detail: string) {
    super(
      `${file} is held by another process (${detail}): a running server holds it; reach it with --server URL`,
    );
    this.name = 'StoreLockedError';
  }
}

export async function openDuckDbStore(
  dataDir: string,
  options: StoreOptions = {},
): Promise<DuckDbStore> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.resolve(dataDir, STORE_FILE);
  // DuckDB locks the file against other processes only; two instances in one process would
  // both write it.
  if (openFiles.has(file)) throw new StoreLockedError(file, 'this process has it open');
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, {
      storage_compatibility_version: 'latest',
      memory_limit: `${options.memoryLimitMb ?? 128}MB`,
      checkpoint_threshold: `${options.checkpointThresholdMb ?? 256}MB`,
      threads: String(options.threads ?? 2),
      temp_directory: path.join(dataDir, 'tmp'),
      // Nothing the store runs reads files or the network; searches never reach SQL text.
      enable_external_access: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lock = /Could not set lock on file[^:]*:\s*(.*)/.exec(message);
    if (lock) throw new StoreLockedError(file, (lock[1] ?? '').trim());
    throw error;
  }
  const writer = await instance.connect();
  const catalog = await Catalog.load(writer);
  openFiles.add(file);
  return new DuckDbStore(file, instance, writer, catalog, options);
}

const openFiles = new Set<string>();

function checkpointOf(row: readonly unknown[]): Checkpoint {
  return {
    key: String(row[0]),
    position: Number(row[1]),
    complete: row[2] === true,
    detail: String(row[3]),
  };
}

export class DuckDbStore implements EventStore {
  private readonly listeners = new Set<CommitListener>();
  /** Writes run one at a time on the writer connection. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly now: () => number;
  private readonly partitionSeconds: number;

  readonly file: string;
  private readonly instance: DuckDBInstance;
  private readonly writer: DuckDBConnection;
  private readonly catalog: Catalog;

  constructor(
    file: string,
    instance: DuckDBInstance,
    writer: DuckDBConnection,
    catalog: Catalog,
    options: StoreOptions,
  ) {
    this.file = file;
    this.instance = instance;
    this.writer = writer;
    this.catalog = catalog;
    this.now = options.now ?? (() => Date.now() / 1000);
    this.partitionSeconds = options.partitionSeconds ?? DEFAULT_PARTITION_SECONDS;
  }

  write(batch: IndexWrite): Promise<void> {
    return this.serial(async () => {
      const rows = await writeBatch(this.writer, this.catalog, batch, {
        partitionSeconds: this.partitionSeconds,
        now: this.now,
      });
      this.notify(batch, rows);
    });
  }

  query(query: StoreQuery): EventSource {
    this.checkOpen();
    return readEvents(this.instance, this.catalog, query);
  }

  partitionRows(): readonly PartitionRows[] {
    this.checkOpen();
    return [...this.catalog.partitions.values()]
      .map((p) => ({ table: p.table, index: p.index, start: p.start, from: 0, to: p.events }))
      .sort((a, b) => a.start - b.start || a.index.localeCompare(b.index));
  }

  readRows(rows: PartitionRows, options: { raw: boolean; earliest?: number }): EventSource {
    this.checkOpen();
    return readRows(this.instance, this.catalog, rows, options);
  }

  aggregate(query: AggregateQuery): Promise<readonly AggregateRow[]> {
    this.checkOpen();
    return aggregate(this.instance, this.catalog, query);
  }

  async summary(): Promise<readonly IndexSummary[]> {
    this.checkOpen();
    const used = await this.usedBytes();
    const partitions = [...this.catalog.partitions.values()];
    const totalRaw = partitions.reduce((n, p) => n + p.rawBytes, 0);
    const byIndex = new Map<string, IndexSummary>();
    for (const p of partitions) {
      const before = byIndex.get(p.index);
      byIndex.set(p.index, {
        name: p.index,
        events: (before?.events ?? 0) + p.events,
        rawBytes: (before?.rawBytes ?? 0) + p.rawBytes,
        diskBytes:
          (before?.diskBytes ?? 0) +
          (totalRaw === 0 ? 0 : Math.round((used * p.rawBytes) / totalRaw)),
        partitions: (before?.partitions ?? 0) + 1,
        minTime: Math.min(before?.minTime ?? Number.POSITIVE_INFINITY, p.minTime),
        maxTime: Math.max(before?.maxTime ?? Number.NEGATIVE_INFINITY, p.maxTime),
      });
    }
    return [...byIndex.values()];
  }

  /**
   * Read in turn with the writes: an ack row is visible the moment DuckDB commits, but its events
   * are searchable once the write has also updated the catalog, which the write queue finishes.
   */
  committedAcks(channel: string, ackIds: readonly number[]): Promise<ReadonlySet<number>> {
    const ids = ackIds.filter((id) => Number.isSafeInteger(id));
    if (ids.length === 0) return Promise.resolve(new Set());
    return this.serial(async () => {
      const reader = await this.writerRead(
        `SELECT ack_id FROM store_acks WHERE channel = ${literal(channel)} AND ack_id IN (${ids.join(', ')})`,
      );
      return new Set(reader.map((row) => Number(row[0])));
    });
  }

  async checkpoint(key: string): Promise<Checkpoint | undefined> {
    this.checkOpen();
    const rows = await this.writerRead(
      `SELECT key, position, complete, detail FROM store_checkpoints WHERE key = ${literal(key)}`,
    );
    return rows[0] === undefined ? undefined : checkpointOf(rows[0]);
  }

  async checkpoints(prefix: string): Promise<readonly Checkpoint[]> {
    this.checkOpen();
    const rows = await this.writerRead(
      `SELECT key, position, complete, detail FROM store_checkpoints WHERE starts_with(key, ${literal(prefix)})`,
    );
    return rows.map(checkpointOf);
  }

  enforceRetention(
    policies: readonly RetentionPolicy[],
    now: number,
    ackTtlSeconds: number,
  ): Promise<readonly DroppedPartition[]> {
    return this.serial(async () => {
      const drops = partitionsToDrop(this.catalog, policies, now, await this.usedBytes());
      return dropPartitions(this.writer, this.catalog, drops, now - ackTtlSeconds);
    });
  }

  async setting(key: string): Promise<string | undefined> {
    this.checkOpen();
    const rows = await this.writerRead(
      `SELECT value FROM store_settings WHERE key = ${literal(key)}`,
    );
    return rows[0] === undefined ? undefined : String(rows[0][0]);
  }

  initSetting(key: string, value: string): Promise<string> {
    return this.serial(async () => {
      await this.writer.run(
        `INSERT INTO store_settings VALUES (${literal(key)}, ${literal(value)}) ON CONFLICT (key) DO NOTHING`,
      );
      return (await this.setting(key)) ?? value;
    });
  }

  putSetting(key: string, value: string): Promise<void> {
    return this.serial(async () => {
      await this.writer.run(
        `INSERT INTO store_settings VALUES (${literal(key)}, ${literal(value)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      );
    });
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.catch(() => {});
    this.closed = true;
    this.writer.closeSync();
    this.instance.closeSync();
    openFiles.delete(this.file);
  }

  private notify(batch: IndexWrite, rows: readonly PartitionRows[]): void {
    const encoded = batch.encoded ?? [];
    const count = encoded.reduce((n, e) => n + e.count, batch.events.length);
    if (count === 0 || this.listeners.size === 0) return;
    let events: readonly Event[] | undefined;
    const committed: CommittedEvents = {
      count,
      rows,
      events: () => {
        events ??=
          encoded.length === 0
            ? batch.events
            : [...batch.events, ...encoded.flatMap((e) => decodeEvents(e))];
        return events;
      },
      encoded: (keep) => {
        const objects = batch.events.filter((e) => keep(String(e['index'])));
        return objects.length === 0 ? encoded : [encodeEvents(objects), ...encoded];
      },
      eventsOf: (keep) => {
        const out = batch.events.filter((e) => keep(String(e['index'])));
        for (const e of encoded) {
          if (!e.indexNames.some(keep)) continue;
          for (const event of decodeEvents(e)) if (keep(event['index'] as string)) out.push(event);
        }
        return out;
      },
      hasIndex: (index) =>
        encoded.some((e) => e.indexNames.includes(index)) ||
        batch.events.some((e) => e['index'] === index),
    };
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (error) {
        process.emitWarning(`a commit listener failed: ${String(error)}`);
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    this.checkOpen();
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  private async writerRead(sql: string): Promise<unknown[][]> {
    const connection = await this.instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
    } finally {
      connection.closeSync();
    }
  }

  private async usedBytes(): Promise<number> {
    const rows = await this.writerRead(
      'SELECT block_size * used_blocks FROM pragma_database_size() LIMIT 1',
    );
    return Number(rows[0]?.[0] ?? 0);
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}
