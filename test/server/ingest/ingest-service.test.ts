// The ingest queue: group commits, acks true only once committed, code-9 backpressure when the
// store falls behind, ack ids never reused across restarts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { IngestService, ServerBusyError } from '../../../src/server/ingest/ingest-service.ts';
import type { EventStore, IndexWrite } from '../../../src/server/store/event-store.ts';

/** A store whose writes wait until released, recording what each commit held. */
function slowStore() {
  const settings = new Map<string, string>();
  const committed: IndexWrite[] = [];
  const acks = new Set<string>();
  let release: () => void = () => {};
  let gate = new Promise<void>((r) => {
    release = r;
  });
  const store = {
    setting: async (key: string) => settings.get(key),
    putSetting: async (key: string, value: string) => {
      settings.set(key, value);
    },
    write: async (batch: IndexWrite) => {
      await gate;
      committed.push(batch);
      for (const a of batch.acks ?? []) acks.add(`${a.channel}/${a.ackId}`);
    },
    committedAcks: async (channel: string, ids: readonly number[]) =>
      new Set(ids.filter((id) => acks.has(`${channel}/${id}`))),
  } as unknown as EventStore;
  return {
    store,
    committed,
    open: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

const events = (n: number): Event[] =>
  Array.from({ length: n }, (_, i) => ({ _time: i, index: 'main' }));

test('acks turn true on commit; a full queue refuses with ServerBusyError; commits are grouped', async () => {
  const slow = slowStore();
  const ingest = await IngestService.start(slow.store, {
    maxQueuedEvents: 10,
    maxQueuedBytes: 1e9,
    maxCommitEvents: 100,
  });
  const first = ingest.submitWithAck({ events: events(4), bytes: 10 }, 'c');
  assert.deepEqual([...(await ingest.committedAcks('c', [first.ackId]))], []);
  const second = ingest.submit({ events: events(4), bytes: 10 });
  const third = ingest.submit({ events: events(2), bytes: 10 });
  assert.throws(() => ingest.submit({ events: events(1), bytes: 10 }), ServerBusyError);
  assert.equal(ingest.full(), true);
  slow.open();
  await Promise.all([first.committed, second, third]);
  assert.deepEqual([...(await ingest.committedAcks('c', [first.ackId]))], [first.ackId]);
  // The first write was already in the store's hands; the two waiting behind it went in one commit.
  assert.deepEqual(
    slow.committed.map((w) => w.events.length),
    [4, 6],
  );
  const restarted = await IngestService.start(slow.store);
  const next = restarted.submitWithAck({ events: events(1), bytes: 1 }, 'c');
  assert.ok(next.ackId > first.ackId);
  await next.committed;
});

test('bytes held while parsing count against the bound; acks of this run are answered from memory', async () => {
  const slow = slowStore();
  const ingest = await IngestService.start(slow.store, {
    maxQueuedEvents: 1000,
    maxQueuedBytes: 100,
    maxCommitEvents: 100,
  });
  const release = ingest.hold(60);
  assert.throws(() => ingest.hold(60), ServerBusyError);
  release();
  release();
  const again = ingest.hold(60);
  const first = ingest.submitWithAck({ events: events(2), bytes: 30 }, 'c');
  assert.throws(() => ingest.submit({ events: events(1), bytes: 20 }), ServerBusyError);
  again();
  assert.deepEqual([...(await ingest.committedAcks('c', [first.ackId]))], []);
  slow.open();
  await first.committed;
  // The right channel only, and once reported the store answers for it.
  assert.deepEqual([...(await ingest.committedAcks('other', [first.ackId]))], []);
  assert.deepEqual([...(await ingest.committedAcks('c', [first.ackId]))], [first.ackId]);
  assert.deepEqual([...(await ingest.committedAcks('c', [first.ackId]))], [first.ackId]);
});

test("the server's own writes go ahead of queued input, in their order; those waited for commit without input", async () => {
  const slow = slowStore();
  const ingest = await IngestService.start(slow.store, {
    maxQueuedEvents: 100,
    maxQueuedBytes: 1e9,
    maxCommitEvents: 100,
  });
  const own = (time: number, alone = false) =>
    ingest.submitOwn({ events: [{ _time: time, index: 'risk' }], bytes: 1, alone });
  const inFlight = ingest.submit({ events: events(3), bytes: 10 });
  const input = ingest.submit({ events: events(5), bytes: 10 });
  const written = [own(101), own(102, true), own(103)];
  slow.open();
  await Promise.all([inFlight, input, ...written]);
  // The input commit already in the store's hands, then the own writes in order, then the input.
  assert.deepEqual(
    slow.committed.map((w) => w.events.map((e) => e['_time'])),
    [
      [0, 1, 2],
      [101, 102, 103],
      [0, 1, 2, 3, 4],
    ],
  );
  // Own writes nobody waits for ride in the next input commit.
  const later = slowStore();
  const second = await IngestService.start(later.store);
  const busy = second.submit({ events: events(1), bytes: 10 });
  const riding = second.submitOwn({ events: [{ _time: 104, index: 'risk' }], bytes: 1 });
  const more = second.submit({ events: events(2), bytes: 10 });
  later.open();
  await Promise.all([busy, riding, more]);
  assert.deepEqual(
    later.committed.map((w) => w.events.map((e) => e['_time'])),
    [[0], [104, 0, 1]],
  );
});

test('a request waits for room in a full queue, in arrival order, and is refused once the wait passes', async () => {
  const slow = slowStore();
  const ingest = await IngestService.start(slow.store, {
    maxQueuedEvents: 1000,
    maxQueuedBytes: 100,
    maxCommitEvents: 100,
    maxWaitMs: 100,
  });
  const writing = ingest.submit({ events: events(1), bytes: 60 });
  const order: string[] = [];
  const big = ingest.admit(60).then((release) => {
    order.push('big');
    return release;
  });
  // It would fit, but waits behind the one that came first.
  const small = ingest.admit(10).then((release) => {
    order.push('small');
    return release;
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(order, []);
  // The write commits: its room is free again, and the waiting ones are admitted in order.
  slow.open();
  await writing;
  const held = [await big, await small];
  assert.deepEqual(order, ['big', 'small']);
  // 70 of 100 held: another 60 waits, and is refused when the wait passes.
  const started = performance.now();
  await assert.rejects(ingest.admit(60), ServerBusyError);
  assert.ok(performance.now() - started >= 90);
  // A request that held room is queued even if its encoded events are larger than the room.
  for (const release of held) release();
  await ingest.submit({ events: events(1), bytes: 120, held: true });
  const atOnce = await IngestService.start(slow.store, {
    maxQueuedEvents: 1000,
    maxQueuedBytes: 100,
    maxCommitEvents: 100,
    maxWaitMs: 0,
  });
  const release = atOnce.hold(100);
  await assert.rejects(atOnce.admit(10), ServerBusyError);
  release();
});
