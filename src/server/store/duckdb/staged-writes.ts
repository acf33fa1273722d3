// Group commits through a stage (docs/server.md, "Group commits through a stage"). The main
// thread appends each write's rows to uncompressed tables of an in-memory database (a data chunk
// append and a commit there: no compression, no WAL); a commit then moves whole row groups into
// the partitions with `INSERT … SELECT` on a second connection, whose `run` executes on a libuv
// thread. A transaction that adds a full row group to a table makes DuckDB write it compressed
// straight to the file ("optimistic writes"): the WAL holds a reference and no checkpoint has to
// rewrite it. So rows bound for one partition are cut exactly at row-group boundaries; a staged
// table's remainder waits for more rows, a write that must commit now (`now`), or `commitDelayMs`.
// A write's promise (its ack) settles once the commit holding the last of its rows succeeded.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndexWrite, StagedWrite } from '../event-store.ts';
import { appendEncoded, HeldBatches } from './append-encoded.ts';
import type { Catalog, PartitionInfo } from './catalog.ts';
import { commitStaged, type StagedCommit } from './commit-staged.ts';
import { STAGE_DATABASE } from './open-database.ts';
import { planColumns } from './plan-columns.ts';
import { ident } from './sql-text.ts';
import {
  addStagingColumnSql,
  createStagingSql,
  newTicket,
  type Staging,
  type Ticket,
} from './staging.ts';
import { FieldAssigner, groupByPartition, inTimeOrder, writeBatches } from './write-rows.ts';

export interface StagedWriteOptions {
  readonly partitionSeconds: number;
  readonly now: () => number;
  /** The file's row group size: rows per partition per commit. */
  readonly rowGroupSize: number;
  /** Longest a partly filled row group waits for more rows before it is committed anyway. */
  readonly commitDelayMs: number;
  /** Called after each commit with each write it completed, in order. */
  readonly committed: (write: IndexWrite) => void;
}

export class StagedWrites {
  private readonly open = new Map<string, Staging>();
  private sealed: Staging[] = [];
  /** Writes with no rows left outside scheduled commits, waiting for the next one. */
  private ready: Ticket[] = [];
  /** Partition columns planned (committed, or in a staged table): new staged tables get them all. */
  private readonly planned = new Map<string, string[]>();
  private readonly fields: FieldAssigner;
  private readonly toDrop: string[] = [];
  private commits: Promise<void> = Promise.resolve();
  /** The commits scheduled and not finished, oldest first. */
  private readonly pending: Promise<void>[] = [];
  private scheduledRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 0;
  /** Bumped when a commit fails: commits scheduled before that are abandoned. */
  private generation = 0;

  private readonly writer: DuckDBConnection;
  private readonly committer: DuckDBConnection;
  private readonly catalog: Catalog;
  private readonly options: StagedWriteOptions;

  constructor(
    writer: DuckDBConnection,
    committer: DuckDBConnection,
    catalog: Catalog,
    options: StagedWriteOptions,
  ) {
    this.writer = writer;
    this.committer = committer;
    this.catalog = catalog;
    this.options = options;
    this.fields = new FieldAssigner(catalog);
  }

  /** Stages `write` (one at a time: the caller serialises it with the store's other writes). */
  async stage(write: IndexWrite, now: boolean, onTimer: () => void): Promise<StagedWrite> {
    const { ticket, committed } = newTicket(write);
    const batches = writeBatches(write);
    const groups = groupByPartition(batches, this.options.partitionSeconds);
    if (batches.length > 0) {
      await this.writer.run('BEGIN TRANSACTION');
      const held = new HeldBatches(batches);
      try {
        const drops = this.toDrop.splice(0);
        if (drops.length > 0) await this.writer.run(drops.map(dropSql).join(';\n'));
        for (const [table, group] of groups) {
          const columns = this.plannedColumns(table);
          const added = planColumns(batches, group.refs, { columns } as PartitionInfo, (f) =>
            this.fields.columnOf(f),
          );
          columns.push(...added);
          const refs = inTimeOrder(batches, group.refs);
          for (let from = 0; from < refs.batchOf.length; ) {
            const staging = await this.stagingFor(table, group, columns);
            const take = Math.min(
              refs.batchOf.length - from,
              this.options.rowGroupSize - staging.rows,
            );
            const appender = await this.writer.createAppender(staging.name, 'main', STAGE_DATABASE);
            try {
              const rows = appendEncoded(
                appender,
                held,
                {
                  batchOf: refs.batchOf.subarray(from, from + take),
                  rowOf: refs.rowOf.subarray(from, from + take),
                },
                staging.columns,
                this.fields.all(),
              );
              appender.flushSync();
              staging.rows += rows.count;
              staging.rawBytes += rows.rawBytes;
              staging.minTime = Math.min(staging.minTime, rows.minTime);
              staging.maxTime = Math.max(staging.maxTime, rows.maxTime);
              for (const field of rows.irregular) staging.irregular.add(field);
            } finally {
              appender.closeSync();
            }
            if (!staging.tickets.has(ticket)) {
              staging.tickets.add(ticket);
              ticket.unscheduled++;
            }
            from += take;
            if (staging.rows >= this.options.rowGroupSize) this.seal(staging);
          }
        }
        await this.writer.run('COMMIT');
      } catch (error) {
        await this.writer.run('ROLLBACK').catch(() => {});
        this.abandonOpen(error);
        ticket.reject(error);
        throw error;
      } finally {
        held.release();
      }
    }
    if (ticket.unscheduled === 0) this.ready.push(ticket);
    if (now) for (const staging of [...this.open.values()]) this.seal(staging);
    if (this.sealed.length > 0 || (now && this.ready.length > 0)) this.schedule();
    if (this.open.size > 0 || this.ready.length > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        onTimer();
      }, this.options.commitDelayMs);
    } else if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // Backpressure: staged rows wait in memory; past two row groups waiting for their commit,
    // the next write waits for the oldest commit (and the ingest queue fills: HEC code 9).
    while (this.scheduledRows > 2 * this.options.rowGroupSize && this.pending[0] !== undefined) {
      await this.pending[0];
    }
    return { committed };
  }

  /** Commits everything staged (the delay ran out, retention, close); resolves once committed. */
  async flush(): Promise<void> {
    for (const staging of [...this.open.values()]) this.seal(staging);
    if (this.sealed.length > 0 || this.ready.length > 0) this.schedule();
    await this.commits;
    if (this.toDrop.length > 0)
      await this.writer.run(this.toDrop.splice(0).map(dropSql).join(';\n'));
  }

  /** After retention dropped partitions. */
  forget(tables: readonly string[]): void {
    for (const table of tables) this.planned.delete(table);
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private plannedColumns(table: string): string[] {
    let columns = this.planned.get(table);
    if (columns === undefined) {
      columns = [...(this.catalog.partitions.get(table)?.columns ?? [])];
      this.planned.set(table, columns);
    }
    return columns;
  }

  private async stagingFor(
    table: string,
    group: { index: string; start: number },
    columns: readonly string[],
  ): Promise<Staging> {
    let staging = this.open.get(table);
    if (staging === undefined) {
      staging = {
        name: `s_${this.nextId++}`,
        table,
        index: group.index,
        start: group.start,
        columns: [...columns],
        rows: 0,
        rawBytes: 0,
        minTime: Number.POSITIVE_INFINITY,
        maxTime: Number.NEGATIVE_INFINITY,
        irregular: new Set(),
        tickets: new Set(),
      };
      await this.writer.run(createStagingSql(staging));
      this.open.set(table, staging);
      return staging;
    }
    for (const column of columns.slice(staging.columns.length)) {
      await this.writer.run(addStagingColumnSql(staging, column));
      staging.columns.push(column);
    }
    return staging;
  }

  private seal(staging: Staging): void {
    this.open.delete(staging.table);
    this.sealed.push(staging);
  }

  /** Queues a commit of the sealed stagings and of the writes they complete. */
  private schedule(): void {
    const stagings = this.sealed;
    this.sealed = [];
    const tickets = this.ready;
    this.ready = [];
    for (const staging of stagings) {
      for (const ticket of staging.tickets) if (--ticket.unscheduled === 0) tickets.push(ticket);
    }
    const rows = stagings.reduce((n, s) => n + s.rows, 0);
    const job: StagedCommit = { stagings, tickets, fields: this.fields.takeNew() };
    const generation = this.generation;
    this.scheduledRows += rows;
    this.commits = this.commits.then(async () => {
      try {
        if (generation !== this.generation) throw new Error('an earlier commit failed');
        await commitStaged(this.committer, this.catalog, job, this.options);
        for (const ticket of tickets) {
          if (ticket.failed !== undefined) ticket.reject(ticket.failed);
          else {
            this.options.committed(ticket.write);
            ticket.resolve();
          }
        }
      } catch (error) {
        this.generation++;
        this.fields.putBack(job.fields);
        for (const staging of stagings) for (const t of staging.tickets) t.failed ??= error;
        for (const ticket of tickets) ticket.reject(ticket.failed ?? error);
      } finally {
        this.scheduledRows -= rows;
        for (const staging of stagings) this.toDrop.push(staging.name);
        this.pending.shift();
      }
    });
    this.pending.push(this.commits);
  }

  /**
   * A staging transaction failed (rolled back): what is staged and not scheduled - the open
   * tables and those sealed in it - is dropped, its writes failed.
   */
  private abandonOpen(error: unknown): void {
    for (const staging of [...this.open.values(), ...this.sealed]) {
      for (const ticket of staging.tickets) {
        ticket.failed ??= error;
        if (--ticket.unscheduled === 0) ticket.reject(error);
      }
      this.toDrop.push(staging.name);
    }
    this.open.clear();
    this.sealed = [];
  }
}

function dropSql(name: string): string {
  return `DROP TABLE IF EXISTS ${STAGE_DATABASE}.main.${ident(name)}`;
}
