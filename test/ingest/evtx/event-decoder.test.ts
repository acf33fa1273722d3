// Records decoded straight to events give what windowsEventToEvent gives for the records' parts
// (same fields, values and field order); `_raw` rendered on first read is the eager rendering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { ChunkDecoder } from '../../../src/ingest/evtx/decode-chunk.ts';
import { EventChunkDecoder, type RawMode } from '../../../src/ingest/evtx/event-decoder.ts';
import { COMPILE_AFTER } from '../../../src/ingest/evtx/render/plan-event.ts';
import { windowsEventToEvent } from '../../../src/ingest/windows/windows-event.ts';
import { ChunkWriter, type RecordBody, type TemplateSpec } from './writer/chunk-writer.ts';
import { EVENT_NS, SAMPLE_TEMPLATE, sampleEvent, systemValues } from './writer/event-template.ts';
import { T, v } from './writer/values.ts';

const DATA_NAMES: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000e001}',
  root: {
    el: 'Event',
    attrs: [['xmlns', [{ text: EVENT_NS }]]],
    children: [
      {
        el: 'System',
        children: [
          { el: 'Provider', attrs: [['Name', [{ sub: 0, type: T.string }]]] },
          { el: 'EventID', children: [{ sub: 1, type: T.uint16 }] },
          { el: 'TimeCreated', attrs: [['SystemTime', [{ sub: 2, type: T.fileTime }]]] },
          { el: 'Computer', children: [{ sub: 3, type: T.string, optional: true }] },
        ],
      },
      {
        el: 'EventData',
        children: [
          // Names that collide with System fields, metadata, each other, a prototype member.
          ...['Name', 'EventID', '_raw', 'index', 'Repeat', 'Repeat', '__proto__', 'toString'].map(
            (name, i) => ({
              el: 'Data',
              attrs: [['Name', [{ text: name }]]] as const,
              children: [{ sub: 4 + i, type: T.string }],
            }),
          ),
          {
            el: 'Data',
            attrs: [['Name', [{ sub: 12, type: T.string }]]],
            children: [{ text: 'd' }],
          },
          { el: 'Data', children: [{ sub: 13, type: T.string }] },
          { el: 'Binary', children: [{ sub: 14, type: T.binary }] },
        ],
      },
      {
        el: 'RenderingInfo',
        children: [{ el: 'Message', children: [{ sub: 15, type: T.string }] }],
      },
    ],
  },
};

/** Fixed Data names (one event shape per set of present System values) that need care. */
const SHAPED_NAMES = [
  'Name',
  'Channel',
  'Message',
  'UtcTime',
  '"quoted"',
  'back\\slash',
  'line\u2028sep',
  '\ud800lone',
  '}',
  '1',
  '0',
  'constructor',
  'Repeat',
  'Repeat',
  '',
  'source',
  'EventData_source',
];

const SHAPED: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000e004}',
  root: {
    el: 'Event',
    children: [
      {
        el: 'System',
        children: [
          { el: 'Provider', attrs: [['Name', [{ sub: 0, type: T.string, optional: true }]]] },
          { el: 'EventID', children: [{ sub: 1, type: T.uint16 }] },
          {
            el: 'TimeCreated',
            attrs: [['SystemTime', [{ sub: 2, type: T.fileTime, optional: true }]]],
          },
          { el: 'Computer', children: [{ sub: 3, type: T.string, optional: true }] },
        ],
      },
      {
        el: 'EventData',
        children: SHAPED_NAMES.map((name, i) => ({
          el: 'Data',
          attrs: [['Name', [{ text: name }]]] as const,
          children: [{ sub: 4 + i, type: T.string }],
        })),
      },
      {
        el: 'RenderingInfo',
        children: [{ el: 'Message', children: [{ sub: 4 + SHAPED_NAMES.length, type: T.string }] }],
      },
    ],
  },
};

/** SHAPED's values: `provider` '' leaves `Name` out, a NULL time falls back on `UtcTime`. */
const shapedValues = (provider: string, time: Date | undefined, utcTime: string) => [
  v.string(provider),
  v.u16(1),
  time === undefined ? v.null() : v.fileTime(time),
  time === undefined ? v.null() : v.string('host-2'),
  ...SHAPED_NAMES.map((name, i) => v.string(name === 'UtcTime' ? utcTime : `value ${i}`)),
  v.string('rendered'),
];

const ARRAYS: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000e002}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'EventID', children: [{ sub: 0, type: T.uint16 }] }] },
      {
        el: 'EventData',
        children: [{ el: 'Data', children: [{ sub: 1, type: T.string | T.array }] }],
      },
    ],
  },
};

/** The root element depends on value 0: NULL leaves the record without any element. */
const GUARDED: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000e003}',
  root: { el: 'Event', dep: 0, children: [{ el: 'X', children: [{ sub: 0, type: T.string }] }] },
};

const dataValues = (names: string[], dynamic: string) => [
  v.string('Provider-A'),
  v.u16(4624),
  v.fileTime(new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 10))),
  v.string('host-1'),
  ...names.map(v.string),
  v.string(dynamic),
  v.string('unnamed'),
  { type: T.binary, bytes: Uint8Array.of(0, 0xab) },
  v.string('the message'),
];

const BODIES: readonly (readonly [string, RecordBody])[] = [
  ['a Sysmon-shaped record', { template: SAMPLE_TEMPLATE, values: sampleEvent(7) }],
  [
    'System values NULL or empty',
    {
      template: SAMPLE_TEMPLATE,
      values: [
        ...systemValues({
          provider: '',
          eventId: 2,
          time: new Date(0),
          recordId: 9,
          channel: ' c ',
          computer: '',
        }),
        v.null(),
        v.string(''),
        v.u32(1),
      ],
    },
  ],
  [
    'Data names colliding with fields, metadata and each other; a name from a value',
    {
      template: DATA_NAMES,
      values: dataValues(['n', 'e', 'r', 'i', 'r1', 'r2', 'p', 't'], 'Dynamic'),
    },
  ],
  [
    'an empty dynamic name, a NULL computer',
    {
      template: DATA_NAMES,
      values: dataValues(['n', 'e', 'r', 'i', 'r1', 'r2', 'p', 't'], '').map((value, i) =>
        i === 3 ? v.null() : value,
      ),
    },
  ],
  [
    'fixed Data names: quotes, escapes, integer-like, repeated, colliding with System and message',
    { template: SHAPED, values: shapedValues('Provider-B', new Date(Date.UTC(2024, 1, 2)), '') },
  ],
  [
    'the same template without Provider Name and SystemTime (time from UtcTime)',
    { template: SHAPED, values: shapedValues('', undefined, '2024-03-04 05:06:07.891') },
  ],
  [
    'the same template with no time at all',
    { template: SHAPED, values: shapedValues('Provider-B', undefined, 'not a time') },
  ],
  ['an array (replayed)', { template: ARRAYS, values: [v.u16(3), v.stringArray(['a', 'b', 'c'])] }],
  [
    'a plain BinXML document without time (replayed)',
    {
      document: [
        {
          el: 'Event',
          children: [{ el: 'System', children: [{ el: 'EventID', children: [{ text: '5' }] }] }],
        },
      ],
    },
  ],
];

/**
 * One chunk holding every body again and again: later runs of a template use its cached plan,
 * and runs past COMPILE_AFTER its compiled event shape.
 */
const ROUNDS = COMPILE_AFTER + 2;

function chunk(): Uint8Array {
  const w = new ChunkWriter();
  let id = 1;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [, body] of BODIES) w.addRecord(id++, body);
  }
  w.addRecord(id++, { template: GUARDED, values: [v.null()] });
  w.addRecord(id++, { template: GUARDED, values: [v.string('kept')] });
  return w.finish();
}

function expected(bytes: Uint8Array, raw: boolean) {
  const decoded = new ChunkDecoder({
    parts: true,
    xml: raw ? 'windows' : undefined,
    recover: false,
  });
  const result = decoded.decode(bytes, 0, 0x1000);
  const untimed: number[] = [];
  const events = result.records.map((record) =>
    windowsEventToEvent(record.parts ?? { system: {}, data: [] }, {
      index: 'main',
      ...(record.xml === undefined ? {} : { raw: record.xml }),
      onMissingTime: () => untimed.push(record.recordId),
    }),
  );
  return { events, untimed, problems: result.problems };
}

for (const raw of ['none', 'eager', 'lazy'] as const satisfies readonly RawMode[]) {
  test(`events equal the mapping of the records' parts, field order included (_raw ${raw})`, () => {
    const bytes = chunk();
    const want = expected(bytes, raw !== 'none');
    const got = new EventChunkDecoder({ index: 'main', raw, recover: false }).decode(
      bytes,
      0,
      0x1000,
    );
    assert.equal(got.records.length, BODIES.length * ROUNDS + 1);
    assert.deepEqual(got.records, want.events);
    got.records.forEach((event, i) => {
      assert.deepEqual(Object.keys(event), Object.keys(want.events[i] as Event));
    });
    assert.deepEqual(
      got.untimed.map((r) => r.recordId),
      want.untimed,
    );
    assert.deepEqual(got.problems, want.problems);
  });
}

test('a record whose only element is left out by a NULL dependency is skipped (EVTX302)', () => {
  for (const decode of [
    (b: Uint8Array) =>
      new ChunkDecoder({ parts: true, xml: undefined, recover: false }).decode(b, 0, 0x1000),
    (b: Uint8Array) =>
      new EventChunkDecoder({ index: 'x', raw: 'none', recover: false }).decode(b, 0, 0x1000),
  ]) {
    const result = decode(chunk());
    const skipped = result.problems.filter((p) => /holds no element/.test(p.message));
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]?.code, 'EVTX302');
    assert.match(skipped[0]?.location ?? '', new RegExp(`record ${BODIES.length * ROUNDS + 1} @`));
  }
});

test('a lazy _raw reads like a data field and outlives the bytes it was decoded from', () => {
  const bytes = Buffer.from(chunk());
  const eager = new EventChunkDecoder({ index: 'x', raw: 'eager', recover: false }).decode(
    bytes,
    0,
    0x1000,
  );
  const lazy = new EventChunkDecoder({ index: 'x', raw: 'lazy', recover: false }).decode(
    bytes,
    0,
    0x1000,
  );
  // The reader reuses its read buffers: the chunk's bytes are gone by the time _raw is read.
  bytes.fill(0x41);
  const [first, second] = lazy.records as Event[];
  assert.ok(first !== undefined && second !== undefined);
  assert.equal(first['_raw'], eager.records[0]?.['_raw']);
  assert.match(String(first['_raw']), /^<Event xmlns='http:\/\/schemas.microsoft.com/);
  assert.equal(Object.keys(first).at(-1), '_raw');
  assert.equal(JSON.parse(JSON.stringify(second))['_raw'], eager.records[1]?.['_raw']);
  assert.equal({ ...second }['_raw'], eager.records[1]?.['_raw']);
  first['_raw'] = 'replaced';
  assert.equal(first['_raw'], 'replaced');
  delete first['_raw'];
  assert.equal('_raw' in first, false);
  assert.deepEqual(lazy.records.slice(1), eager.records.slice(1));
});
