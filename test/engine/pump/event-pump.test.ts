// The event pump: one router for every consumer, knowledge before the with-knowledge consumers only,
// what a consumer was handed never changes, reading stops when every consumer is done.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event, EventSource, SharedEvent } from '../../../src/core/index.ts';
import {
  createEventPump,
  type EventConsumer,
  PlanConsumer,
  pumpSource,
} from '../../../src/engine/index.ts';
import { ALL_FIELDS, ROUTE_ANY, type RouteFilter } from '../../../src/spl/index.ts';
import { planOf } from '../../helpers/plan.ts';
import { cleanKnowledge } from '../../knowledge/helpers.ts';

const plan = planOf;

async function* batches(...lists: Event[][]): EventSource {
  for (const list of lists) yield list;
}

/** Keeps what it is handed, as it was handed. */
class Recorder implements EventConsumer {
  readonly stage;
  readonly route: RouteFilter;
  readonly fields = ALL_FIELDS;
  readonly needsRaw = false;
  readonly holdsEvents: boolean = true;
  readonly done = false;
  readonly got: SharedEvent[] = [];
  finished = 0;

  constructor(stage: EventConsumer['stage'], route: RouteFilter = ROUTE_ANY) {
    this.stage = stage;
    this.route = route;
  }

  push(events: readonly SharedEvent[]): void {
    this.got.push(...events);
  }

  finish(): void {
    this.finished++;
  }
}

const sysmon = (
  code: string,
  image: string,
  channel = 'Microsoft-Windows-Sysmon/Operational',
): Event => ({
  sourcetype: 'XmlWinEventLog',
  source: `XmlWinEventLog:${channel}`,
  Channel: channel,
  EventCode: code,
  Image: image,
});

const PROPS = '[XmlWinEventLog]\nEVAL-process_name = replace(Image, "^.*\\\\\\\\", "")\n';

describe('the event pump', () => {
  test('as-read consumers see the event as read; knowledge goes to a copy for the others', async () => {
    const asRead = new Recorder('as-read');
    const rows: SharedEvent[] = [];
    const search = new PlanConsumer(plan('EventCode=1 | table Image process_name'), {
      emit: (r) => rows.push(...r),
    });
    const pump = createEventPump([asRead, search], { knowledge: cleanKnowledge({ props: PROPS }) });
    await pumpSource(pump, batches([sysmon('1', 'C:\\w\\cmd.exe'), sysmon('3', 'C:\\w\\x.exe')]));
    assert.deepEqual(rows, [{ Image: 'C:\\w\\cmd.exe', process_name: 'cmd.exe' }]);
    assert.equal(asRead.got.length, 2);
    assert.ok(
      asRead.got.every((e) => !('process_name' in e)),
      'the knowledge never reached the events the as-read consumer holds',
    );
    assert.equal(pump.events, 2);
  });

  test('an as-read consumer that keeps nothing takes the batch first; knowledge then goes on the events themselves', async () => {
    const seen: string[] = [];
    const handed: SharedEvent[] = [];
    /** Keeps only a text of each event, made while it has the batch (as the Sigma rules do). */
    class Snapshots extends Recorder {
      override readonly holdsEvents = false;
      override push(events: readonly SharedEvent[]): void {
        for (const e of events) seen.push(JSON.stringify(e));
      }
    }
    const watcher = new Recorder('with-knowledge');
    const search = new PlanConsumer(plan('EventCode=1 | table process_name'), {
      emit: (r) => seen.push(JSON.stringify(r)),
    });
    const first = new Snapshots('as-read');
    const original = [sysmon('1', 'C:\\w\\cmd.exe'), sysmon('3', 'C:\\w\\x.exe')];
    handed.push(...original);
    const pump = createEventPump([first, search, watcher], {
      knowledge: cleanKnowledge({ props: PROPS }),
    });
    await pumpSource(pump, batches(original));
    assert.deepEqual(
      seen.slice(0, 2),
      original.map((e) => JSON.stringify({ ...e, process_name: undefined })),
    );
    assert.ok(!seen[0]?.includes('process_name'), 'the as-read consumer saw the event as read');
    assert.deepEqual(seen[2], JSON.stringify([{ process_name: 'cmd.exe' }]));
    assert.equal(watcher.got[0], handed[0], 'the same object, not a copy');
    assert.equal(watcher.got[0]?.['process_name'], 'cmd.exe');
  });

  test("a search that changes its rows does not change another consumer's events", async () => {
    const watcher = new Recorder('with-knowledge');
    const rows: SharedEvent[] = [];
    const changer = new PlanConsumer(plan('EventCode=1 | eval Image="changed" | table Image'), {
      emit: (r) => rows.push(...r),
    });
    const reader = new PlanConsumer(plan('EventCode=1 | table Image'), {
      emit: (r) => rows.push(...r),
    });
    const pump = createEventPump([changer, watcher, reader], {
      knowledge: cleanKnowledge({ props: '' }),
    });
    await pumpSource(pump, batches([sysmon('1', 'a.exe')]));
    assert.deepEqual(rows, [{ Image: 'changed' }, { Image: 'a.exe' }]);
    assert.equal(watcher.got[0]?.['Image'], 'a.exe');
  });

  test('shared events are read-only by type', () => {
    const event: SharedEvent = { Image: 'a.exe' };
    // @ts-expect-error a consumer cannot write to the events it is handed
    event['Image'] = 'b.exe';
    assert.ok(true);
  });

  test('one router: each consumer gets only what its route admits; the origins seen include the channel', async () => {
    const security = new Recorder('as-read', {
      kind: 'alternatives',
      alternatives: [[{ field: 'Channel', values: ['security'], wildcard: false }]],
    });
    const counts: SharedEvent[] = [];
    const search = new PlanConsumer(plan('EventCode=3 | stats count'), {
      emit: (r) => counts.push(...r),
    });
    const pump = createEventPump([security, search], { knowledge: cleanKnowledge({ props: '' }) });
    await pumpSource(
      pump,
      batches([sysmon('3', 'a'), sysmon('4624', 'b', 'Security'), sysmon('3', 'c')]),
    );
    assert.deepEqual(
      security.got.map((e) => e['Image']),
      ['b'],
    );
    assert.deepEqual(counts, [{ count: 2 }]);
    assert.deepEqual(
      pump
        .seen()
        .map((o) => o.channel)
        .sort(),
      ['Microsoft-Windows-Sysmon/Operational', 'Security'],
    );
  });

  test('every consumer is finished once; a pump with no reader reads nothing', async () => {
    const generating = new PlanConsumer(plan('| makeresults count=2 | eval g=1 | table g'), {
      emit: () => {},
    });
    let pulled = 0;
    const source = (async function* () {
      pulled++;
      yield [sysmon('1', 'a')];
    })();
    const pump = createEventPump([generating], { knowledge: cleanKnowledge({ props: '' }) });
    assert.equal(pump.done, true);
    await pumpSource(pump, source);
    assert.equal(pulled, 0);
    assert.throws(() => pump.push([]), /finished/);
  });

  test('knowledge that writes a route field runs before routing, for a copy when an as-read consumer has the event', async () => {
    const asRead = new Recorder('as-read');
    const rows: SharedEvent[] = [];
    const search = new PlanConsumer(plan('EventCode=99 | table Image'), {
      emit: (r) => rows.push(...r),
    });
    const pump = createEventPump([asRead, search], {
      knowledge: cleanKnowledge({ props: '[XmlWinEventLog]\nEVAL-EventCode = "99"\n' }),
    });
    await pumpSource(pump, batches([sysmon('1', 'a.exe')]));
    assert.deepEqual(rows, [{ Image: 'a.exe' }]);
    assert.equal(asRead.got[0]?.['EventCode'], '1');
  });
});

describe('a plan consumer', () => {
  test('holds events when a stage does or when its rows are kept; a streaming search read by a printer does not', () => {
    const emit = () => {};
    const streaming = plan('EventCode=1 | eval x=1 | table Image x');
    assert.equal(new PlanConsumer(streaming, { emit }, { rowsKept: false }).holdsEvents, false);
    assert.equal(new PlanConsumer(streaming, { emit }).holdsEvents, true);
    const sorted = plan('EventCode=1 | sort Image');
    assert.equal(new PlanConsumer(sorted, { emit }, { rowsKept: false }).holdsEvents, true);
    const counted = plan('EventCode=1 | stats values(Image) by host');
    assert.equal(new PlanConsumer(counted, { emit }, { rowsKept: false }).holdsEvents, true);
  });
});
