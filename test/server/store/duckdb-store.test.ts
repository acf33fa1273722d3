import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
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
