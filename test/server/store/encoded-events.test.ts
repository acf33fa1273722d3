import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import { decodeEvents } from '../../../src/server/store/encoded-events.ts';
import { EventEncoder, encodeEvents } from '../../../src/server/store/event-encoder.ts';
import type { CommittedEvents } from '../../../src/server/store/event-store.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const T0 = 1_714_521_600;

/** Values of every length around DuckDB's 12-byte inline limit, multibyte text, empty text. */
function event(i: number): Event {
  return {
    _time: T0 + ((i * 7919) % 500) * 600 + i / 1000,
    index: i % 5 === 0 ? 'main' : 'wineventlog',
    host: `h${'x'.repeat(i % 20)}`,
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog',
    _raw: `<Event>${'é✓𝄞'.repeat(i % 9)}${i}</Event>`,
    EventCode: String(i % 30),
    Short: 'a'.repeat(i % 16),
    Empty: '',
    ...(i % 7 === 0 ? { Multi: ['one', 'two ✓'], Number: i } : {}),
  };
}

test('encoded events decode to the same events', () => {
  const events = Array.from({ length: 300 }, (_, i) => event(i));
  assert.deepEqual(decodeEvents(encodeEvents(events)), events);
  assert.throws(() => encodeEvents([{ index: 'main' }]), /valid _time/);
  assert.throws(() => encodeEvents([{ _time: 1 }]), /without an index/);
});

test('an encoder fed one event at a time past its expected count encodes the same batch', () => {
  const events = Array.from({ length: 300 }, (_, i) => event(i));
  const encoder = new EventEncoder(1);
  for (const e of events) encoder.add(e);
  const encoded = encoder.finish();
  assert.deepEqual(encoded, encodeEvents(events));
  assert.equal(encoded.times.length, 300);
  assert.equal(encoded.firstCell.length, 301);
  assert.deepEqual(decodeEvents(encoded), events);
  assert.deepEqual(decodeEvents(new EventEncoder(0).finish()), []);
});

test('encoded batches are stored exactly as the events they encode', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-encoded-'));
  dirs.push(dir);
  const events = Array.from({ length: 5000 }, (_, i) => event(i));
  const store = await openDuckDbStore(dir, { partitionSeconds: 86_400 });
  const seen: CommittedEvents[] = [];
  store.onCommit((c) => seen.push(c));
  // Many small batches (more than a holder chunk's 2,048) and plain events in one write.
  const small = Array.from({ length: 2100 }, (_, k) => encodeEvents([events[k] as Event]));
  await store.write({
    events: events.slice(4000),
    encoded: [...small, encodeEvents(events.slice(2100, 4000))],
  });
  assert.equal(seen[0]?.count, 5000);
  assert.equal(seen[0]?.events().length, 5000);
  // Listeners that want some indexes or the batches themselves: objects stay the objects written.
  const mains = seen[0]?.eventsOf((index) => index === 'main') ?? [];
  assert.equal(mains.length, 1000);
  assert.ok(mains.includes(events[4000] as Event));
  assert.ok(mains.every((e) => e['index'] === 'main'));
  const batches = seen[0]?.encoded((index) => index !== 'main') ?? [];
  assert.equal(
    batches.reduce((n, b) => n + b.count, 0),
    4000 + 800,
    'encoded batches as written, objects of kept indexes encoded',
  );
  await store.close();
  const reopened = await openDuckDbStore(dir, { partitionSeconds: 86_400 });
  const read: Event[] = [];
  for await (const batch of reopened.query({
    indexes: ['wineventlog', 'main'],
    filter: { kind: 'true' },
    fields: 'all',
    raw: true,
  })) {
    read.push(...batch);
  }
  await reopened.close();
  const key = (e: Event) => `${e['index']}|${e['_time']}`;
  const expected = new Map(events.map((e) => [key(e), e]));
  assert.equal(read.length, events.length);
  for (const got of read) {
    const want = expected.get(key(got)) as Event;
    for (const name of Object.keys(want)) {
      assert.deepEqual(got[name], want[name], `${key(got)} ${name}`);
    }
  }
});
