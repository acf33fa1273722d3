// Row numbers as commit order: each commit reports the rows it appended per partition, and those
// rows read back are exactly that commit's events (sorted by time within the commit), across new
// columns and a reopen; consumers' per-partition checkpoints are listed by prefix and dropped
// with their partition.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import {
  type PartitionRows,
  partitionCheckpointKey,
} from '../../../src/server/store/event-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-rows-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const T0 = 1_714_521_600;

function event(label: string, offset: number, extra: Event = {}): Event {
  return {
    _time: T0 + offset,
    index: 'wineventlog',
    host: 'ws1',
    _raw: label,
    Label: label,
    ...extra,
  };
}

async function labels(source: AsyncIterable<readonly Event[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of source) for (const e of batch) out.push(String(e['Label']));
  return out;
}

test('a commit names the rows it appended; read back they are its events, across a reopen', async () => {
  let store = await openDuckDbStore(dir);
  const commits: PartitionRows[][] = [];
  store.onCommit((c) => commits.push([...c.rows]));
  await store.write({ events: [event('b', 20), event('a', 10), event('x', 86_400 + 5)] });
  // A new column (ALTER TABLE) between two commits of one partition.
  await store.write({ events: [event('c', 5, { NewField: 'n' }), event('d', 30)] });
  await store.close();
  store = await openDuckDbStore(dir);
  store.onCommit((c) => commits.push([...c.rows]));
  await store.write({ events: [event('e', 1)] });

  const day = `ev_wineventlog_${T0}`;
  const next = `ev_wineventlog_${T0 + 86_400}`;
  const ranges = commits.map((c) => c.map((r) => `${r.table}:${r.from}-${r.to}`).sort());
  assert.deepEqual(ranges, [[`${day}:0-2`, `${next}:0-1`], [`${day}:2-4`], [`${day}:4-5`]]);
  const read = async (from: number, to: number, earliest?: number) =>
    labels(
      store.readRows(
        { table: day, index: 'wineventlog', start: T0, from, to },
        { raw: true, ...(earliest === undefined ? {} : { earliest }) },
      ),
    );
  assert.deepEqual(await read(0, 2), ['a', 'b'], 'time order within a commit');
  assert.deepEqual(await read(2, 4), ['c', 'd']);
  assert.deepEqual(await read(4, 5), ['e']);
  assert.deepEqual(await read(1, 5, T0 + 6), ['b', 'd'], 'earliest leaves older events out');
  assert.deepEqual(await read(5, 5), []);
  assert.deepEqual(
    store.partitionRows().map((r) => `${r.table}:${r.from}-${r.to}`),
    [`${day}:0-5`, `${next}:0-1`],
  );

  await store.write({
    events: [],
    checkpoints: [day, next].map((table) => ({
      key: partitionCheckpointKey('consumer', table),
      position: 1,
      complete: false,
      detail: '',
    })),
  });
  assert.equal((await store.checkpoints('consumer@')).length, 2);
  assert.deepEqual(await store.checkpoints('other@'), []);
  // Retention drops the older partition and its consumer checkpoint with it.
  await store.enforceRetention(
    [{ index: 'wineventlog', maxAgeSeconds: 86_400, maxBytes: Number.MAX_SAFE_INTEGER }],
    T0 + 2 * 86_400 + 10,
    1e9,
  );
  assert.deepEqual(
    (await store.checkpoints('consumer@')).map((c) => c.key),
    [partitionCheckpointKey('consumer', next)],
  );
  await store.close();
});
