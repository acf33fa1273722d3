import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Event } from '../../../src/core/event.ts';
import { openDuckDbStore, StoreLockedError } from '../../../src/server/store/duckdb-store.ts';
import type { StoreQuery } from '../../../src/server/store/store-query.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-store-'));
  dirs.push(dir);
  return dir;
}

const DAY = 86_400;
const T0 = 1_714_521_600; // 2024-05-01T00:00:00Z

function event(i: number, extra: Event = {}): Event {
  return {
    _time: T0 + i * 3600,
    index: 'wineventlog',
    host: `ws${i % 3}`,
    source: 'XmlWinEventLog:Security',
    sourcetype: 'XmlWinEventLog',
    EventCode: String(4624 + (i % 2)),
    Image: i % 2 === 0 ? 'C:\\Windows\\cmd.exe' : 'C:\\Tools\\Code.exe',
    _raw: `<Event>${i}</Event>`,
    ...extra,
  };
}

async function all(source: AsyncIterable<readonly Event[]>): Promise<Event[]> {
  const out: Event[] = [];
  for await (const batch of source) out.push(...batch);
  return out;
}

const everything: StoreQuery = {
  indexes: ['wineventlog'],
  filter: { kind: 'true' },
  fields: 'all',
  raw: true,
};

test('events written come back exactly, newest first, across partitions and a reopen', async () => {
  const dir = tempDir();
  const events = Array.from({ length: 60 }, (_, i) => event(i));
  events[5] = event(5, { Data: ['a', 'b'], Count: 3, __proto__x: 'p' });
  let store = await openDuckDbStore(dir);
  await store.write({ events: events.slice(0, 30) });
  await store.write({ events: events.slice(30) });
  await store.close();
  store = await openDuckDbStore(dir);
  const read = await all(store.query(everything));
  assert.equal(read.length, 60);
  assert.deepEqual(
    read.map((e) => e['_time']),
    events.map((e) => e['_time']).sort((a, b) => (b as number) - (a as number)),
  );
  const five = read.find((e) => e['_raw'] === '<Event>5</Event>');
  assert.deepEqual(five, events[5]);
  const summary = await store.summary();
  assert.equal(summary[0]?.events, 60);
  assert.equal(summary[0]?.partitions, 3);
  await store.close();
});

test('a store open in this process is not opened twice', async () => {
  const dir = tempDir();
  const store = await openDuckDbStore(dir);
  await assert.rejects(openDuckDbStore(dir), StoreLockedError);
  await store.close();
  await (await openDuckDbStore(dir)).close();
});

test('filters, time bounds and columns are pushed into the query', async () => {
  const dir = tempDir();
  const store = await openDuckDbStore(dir);
  await store.write({ events: Array.from({ length: 48 }, (_, i) => event(i)) });
  const codes = await all(
    store.query({
      indexes: ['wineventlog'],
      earliest: T0,
      latest: T0 + DAY,
      filter: {
        kind: 'and',
        operands: [
          { kind: 'match', field: 'EventCode', pattern: '4625', caseSensitive: false },
          { kind: 'match', field: 'Image', pattern: '*\\code.exe', caseSensitive: false },
        ],
      },
      fields: new Set(['EventCode']),
      raw: false,
    }),
  );
  assert.equal(codes.length, 12);
  assert.deepEqual(Object.keys(codes[0] ?? {}).sort(), [
    'EventCode',
    '_time',
    'host',
    'index',
    'source',
    'sourcetype',
  ]);
  const notCmd = await all(
    store.query({
      ...everything,
      filter: {
        kind: 'not',
        operand: { kind: 'match', field: 'Image', pattern: '*cmd*', caseSensitive: false },
      },
    }),
  );
  assert.equal(notCmd.length, 24);
  const rows = await store.aggregate({
    indexes: ['wineventlog'],
    filter: { kind: 'true' },
    by: ['host', 'EventCode'],
    aggregates: [{ kind: 'count' }, { kind: 'distinct', field: 'Image' }],
  });
  assert.equal(rows.length, 6);
  assert.equal(
    rows.reduce((n, r) => n + (r.values[0] ?? 0), 0),
    48,
  );
  await store.close();
});

test('acks and checkpoints commit with their events; retention drops old partitions', async () => {
  const dir = tempDir();
  const store = await openDuckDbStore(dir);
  await store.write({
    events: [event(0)],
    acks: [{ channel: 'c1', ackId: 7 }],
    checkpoints: [{ key: 'file:abc', position: 1, complete: false, detail: 'a.xml' }],
  });
  assert.deepEqual([...(await store.committedAcks('c1', [6, 7]))], [7]);
  assert.deepEqual(await store.checkpoint('file:abc'), {
    key: 'file:abc',
    position: 1,
    complete: false,
    detail: 'a.xml',
  });
  await store.write({ events: [event(100)] });
  const dropped = await store.enforceRetention(
    [{ index: 'wineventlog', maxAgeSeconds: 2 * DAY, maxBytes: Number.POSITIVE_INFINITY }],
    T0 + 100 * 3600 + DAY,
    3600,
  );
  assert.deepEqual(
    dropped.map((d) => [d.start, d.reason]),
    [[T0, 'age']],
  );
  assert.equal((await all(store.query(everything))).length, 1);
  await store.close();
});

test('a group commit: appends share one transaction, seen by no one until it commits', async () => {
  const dir = tempDir();
  let store = await openDuckDbStore(dir);
  let commits = 0;
  store.onCommit((c) => {
    commits++;
    assert.equal(c.count, 30);
  });
  const first = await store.append({
    events: Array.from({ length: 20 }, (_, i) => event(i)),
    acks: [{ channel: 'c', ackId: 1 }],
  });
  // The second append adds a field column to a partition the first created, and a partition.
  const second = await store.append({
    events: Array.from({ length: 10 }, (_, i) => event(i + 20, { NewField: `v${i}` })),
    acks: [{ channel: 'c', ackId: 2 }],
  });
  assert.equal(second.rows, 30);
  // Hourly events: 24 in the first day's partition, 6 in the next.
  assert.equal(second.maxTableRows, 24);
  assert.deepEqual(await all(store.query(everything)), []);
  assert.deepEqual([...(await store.committedAcks('c', [1, 2]))], []);
  let settled = false;
  void first.committed.then(() => {
    settled = true;
  });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(settled, false);
  await store.commitOpen();
  await Promise.all([first.committed, second.committed]);
  assert.equal(commits, 1);
  assert.deepEqual([...(await store.committedAcks('c', [1, 2]))].sort(), [1, 2]);
  // Another write commits the open transaction before its own.
  const third = await store.append({ events: [event(40)] });
  await store.write({ events: [event(41)] });
  await third.committed;
  await store.close();
  store = await openDuckDbStore(dir);
  const read = await all(store.query(everything));
  assert.equal(read.length, 32);
  assert.deepEqual(read.filter((e) => e['NewField'] !== undefined).length, 10);
  // Closing the store commits its open transaction.
  const fourth = await store.append({ events: [event(50)] });
  await store.close();
  await fourth.committed;
  store = await openDuckDbStore(dir);
  assert.equal((await all(store.query(everything))).length, 33);
  await store.close();
});

test('commits larger than a row group leave no free blocks in the file after the checkpoint', async () => {
  // Each 3,000-row commit goes straight to the file as a full 2,048-row group and a partial one;
  // DuckDB's vacuum would merge the partial ones at the checkpoint and free their blocks, which
  // stay inside the file (docs/server.md: max_vacuum_tasks).
  const dir = tempDir();
  const store = await openDuckDbStore(dir, { rowGroupSize: 2048 });
  let seed = 7;
  const random = (): string => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed.toString(36);
  };
  for (let commit = 0; commit < 6; commit++) {
    const events = Array.from({ length: 3000 }, (_, i) =>
      event(0, {
        _time: T0 + commit * 3000 + i,
        _raw: `<Event><Data Name='CommandLine'>${random()} ${random()} ${random()}</Data></Event>`,
        CommandLine: `${random()} ${random()}`,
      }),
    );
    await store.write({ events });
  }
  await store.close();
  const instance = await DuckDBInstance.create(path.join(dir, 'index.duckdb'), {
    access_mode: 'READ_ONLY',
  });
  const connection = await instance.connect();
  const size = await connection.runAndReadAll(
    'SELECT free_blocks::INTEGER AS free, used_blocks::INTEGER AS used FROM pragma_database_size()',
  );
  const [row] = size.getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  assert.ok(Number(row?.['used']) > 10, `used blocks ${row?.['used']}`);
  assert.equal(row?.['free'], 0);
});
