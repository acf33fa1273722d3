// The store's database: an in-memory DuckDB instance that attaches the data file, because a row
// group size is an ATTACH option only (not an instance setting, nor a table one in DuckDB 1.5).
// Every connection the store opens goes through connectStore, which makes the file its default
// database: a connection that did not would create and read tables in memory.

import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { literal } from './sql-text.ts';

/** The attached file's name inside DuckDB. */
export const STORE_DATABASE = 'store';

export interface DatabaseOptions {
  readonly memoryLimitMb: number;
  readonly checkpointThresholdMb: number;
  readonly threads: number;
  readonly rowGroupSize: number;
  readonly tempDirectory: string;
}

export async function openDatabase(
  file: string,
  options: DatabaseOptions,
): Promise<DuckDBInstance> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: `${options.memoryLimitMb}MB`,
    checkpoint_threshold: `${options.checkpointThresholdMb}MB`,
    threads: String(options.threads),
    temp_directory: options.tempDirectory,
    // A group commit's full row groups are compressed when it commits (a libuv thread, `run`),
    // not in the appender's flush on the main thread: DuckDB buffers up to this many complete
    // row groups of a transaction, or this much memory (its default, a fifth of the memory limit
    // per thread, is less than one row group of Sysmon events; optimistic_data_writer.cpp).
    write_buffer_row_group_count: '8',
    write_buffer_row_group_memory_limit: '1GB',
    // No vacuum merges at checkpoints. Each group commit writes its last, partial row group as a
    // row group of its own; the vacuum would merge adjacent ones into full ones and free their
    // blocks, which DuckDB reuses but keeps in the file (0.33-0.35x of _raw instead of ~0.23x,
    // docs/server.md). Row groups emptied by deletes are still dropped (row_group_collection.cpp:
    // only ScheduleVacuumTasks is bounded by it); partitions leave by DROP TABLE.
    max_vacuum_tasks: '0',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  try {
    // STORAGE_VERSION 'latest': zstd on text columns (server-facts.md).
    await connection.run(
      `ATTACH ${literal(file)} AS ${STORE_DATABASE} (STORAGE_VERSION 'latest', ROW_GROUP_SIZE ${Math.trunc(options.rowGroupSize)})`,
    );
    // Only after the ATTACH, which is a file access: nothing the store runs reads files or the
    // network, and searches never reach SQL text.
    await connection.run('SET enable_external_access = false');
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  connection.closeSync();
  return instance;
}

/** A connection whose default database is the store's file. */
export async function connectStore(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await connection.run(`USE ${STORE_DATABASE}`);
  return connection;
}
