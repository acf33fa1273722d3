// The pieces of a group commit (staged-writes.ts): a Staging is a table in the in-memory stage
// database holding rows bound for one partition, at most one row group of them; a Ticket is one
// write waiting for the commit that holds the last of its rows.
import type { IndexWrite } from '../event-store.ts';
import { FIXED_COLUMNS, TEXT_TYPE } from './catalog.ts';
import { STAGE_DATABASE } from './open-database.ts';
import { ident } from './sql-text.ts';

export interface Staging {
  readonly name: string;
  readonly table: string;
  readonly index: string;
  readonly start: number;
  /** Field columns of the staged table, in order (after the fixed ones). */
  readonly columns: string[];
  rows: number;
  rawBytes: number;
  minTime: number;
  maxTime: number;
  readonly irregular: Set<string>;
  readonly tickets: Set<Ticket>;
}

export interface Ticket {
  readonly write: IndexWrite;
  /** Stagings holding rows of this write that no scheduled commit holds yet. */
  unscheduled: number;
  /** Set once a commit holding some of its rows failed: it is rejected, never acknowledged. */
  failed: unknown;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export function newTicket(write: IndexWrite): { ticket: Ticket; committed: Promise<void> } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A caller that only stages (and so never awaits) must not make an unhandled rejection.
  committed.catch(() => {});
  return {
    ticket: { write, unscheduled: 0, failed: undefined, resolve, reject },
    committed,
  };
}

export function stagedName(staging: Staging): string {
  return `${STAGE_DATABASE}.main.${ident(staging.name)}`;
}

/** Staged tables are uncompressed (in memory); the partition's own columns have zstd. */
export function createStagingSql(staging: Staging): string {
  const fields = staging.columns.map((c) => `, ${ident(c)} VARCHAR`).join('');
  return `CREATE TABLE ${stagedName(staging)} (_time DOUBLE NOT NULL, host VARCHAR, source VARCHAR,
    sourcetype VARCHAR, _raw VARCHAR, extra VARCHAR${fields})`;
}

export function addStagingColumnSql(staging: Staging, column: string): string {
  return `ALTER TABLE ${stagedName(staging)} ADD COLUMN ${ident(column)} VARCHAR`;
}

/** Moves a staged table's rows into its partition (inside the committing transaction). */
export function moveStagedSql(staging: Staging): string {
  const columns = [...FIXED_COLUMNS, ...staging.columns].map(ident).join(', ');
  return `INSERT INTO ${ident(staging.table)} (${columns}) SELECT ${columns} FROM ${stagedName(staging)}`;
}

export function addPartitionColumnSql(table: string, column: string): string {
  return `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(column)} ${TEXT_TYPE}`;
}
