// Group commits through the stage (store/duckdb/staged-writes.ts): rows of a partition commit in
// whole row groups, a write's ack turns true only with the commit holding its last rows, a write
// that must commit now takes everything staged with it, and the delay commits a remainder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Event } from '../../../src/core/event.ts';
import { openDuckDbStore, STORE_FILE } from '../../../src/server/store/duckdb-store.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const T0 = 1_714_521_600; // 2024-05-01T00:00:00Z, one partition for all rows below
const ROW_GROUP = 2048;

function events(from: number, n: number): Event[] {
  return Array.from({ length: n }, (_, i) => ({
    _time: T0 + from + i,
    index: 'main',
    host: 'ws1',
    source: 's',
    sourcetype: 'st',
    EventCode: String((from + i) % 7),
    _raw: `event ${from + i}`,
  }));
}

async function stored(store: Awaited<ReturnType<typeof openDuckDbStore>>): Promise<number> {
  return (await store.summary()).reduce((n, s) => n + s.events, 0);
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {},
  );
  await new Promise((r) => setTimeout(r, 50));
  return done;
}

test('rows commit in whole row groups; an ack waits for the commit holding its last rows', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-staged-'));
  dirs.push(dir);
  const store = await openDuckDbStore(dir, { rowGroupSize: ROW_GROUP, commitDelayMs: 60_000 });
  const ack = (id: number) => ({ channel: 'c', ackId: id });
  const first = await store.stage({ events: events(0, 1500), acks: [ack(1)] }, false);
  assert.equal(await settled(first.committed), false);
  assert.equal(await stored(store), 0);
  // 548 of these fill the row group: that commit holds all of the first write, part of this one.
  const second = await store.stage({ events: events(1500, 1000), acks: [ack(2)] }, false);
  await first.committed;
  assert.equal(await stored(store), ROW_GROUP);
  assert.deepEqual([...(await store.committedAcks('c', [1, 2]))], [1]);
  assert.equal(await settled(second.committed), false);
  // A write that must commit now takes the remainder with it.
  await store.write({ events: events(2500, 10), acks: [ack(3)] });
  await second.committed;
  assert.equal(await stored(store), 2510);
  assert.deepEqual([...(await store.committedAcks('c', [1, 2, 3]))].sort(), [1, 2, 3]);
  await store.close();
  // Every row once, and the first row group whole on disk.
  const groups = await rowGroups(path.join(dir, STORE_FILE));
  assert.equal(groups[0], ROW_GROUP);
  assert.equal(
    groups.reduce((a, b) => a + b, 0),
    2510,
  );
});

test('a partly filled row group commits after the delay, and on close', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-staged-'));
  dirs.push(dir);
  let store = await openDuckDbStore(dir, { rowGroupSize: ROW_GROUP, commitDelayMs: 100 });
  const staged = await store.stage({ events: events(0, 10) }, false);
  await staged.committed;
  assert.equal(await stored(store), 10);
  await store.close();
  store = await openDuckDbStore(dir, { rowGroupSize: ROW_GROUP, commitDelayMs: 60_000 });
  await store.stage({ events: events(10, 5) }, false);
  await store.close();
  store = await openDuckDbStore(dir, { rowGroupSize: ROW_GROUP });
  assert.equal(await stored(store), 15);
  await store.close();
});

/** Rows per row group of the one partition, in order (DuckDB's storage info). */
async function rowGroups(file: string): Promise<number[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${file}' AS f (READ_ONLY)`);
    const tables = await connection.runAndReadAll(
      "SELECT table_name FROM duckdb_tables() WHERE database_name = 'f' AND table_name LIKE 'ev_%'",
    );
    const table = String(tables.getRows()[0]?.[0]);
    const rows = await connection.runAndReadAll(
      `SELECT row_group_id, sum(count) FROM pragma_storage_info('f.main.${table}')
       WHERE column_id = 0 AND column_path = '[0]' GROUP BY row_group_id ORDER BY row_group_id`,
    );
    return rows.getRows().map((r) => Number(r[1]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
