// Parts plans give exactly what replaying the template into the parts sink gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createChunkContext } from '../../../../src/ingest/evtx/binxml/chunk-context.ts';
import { BinXmlRunner } from '../../../../src/ingest/evtx/binxml/document.ts';
import { ByteReader } from '../../../../src/ingest/evtx/byte-reader.ts';
import { parseRecordHeader } from '../../../../src/ingest/evtx/record-header.ts';
import { EventPartsSink } from '../../../../src/ingest/evtx/render/event-parts.ts';
import { PartsPlanner } from '../../../../src/ingest/evtx/render/parts-plan.ts';
import { ChunkWriter, type RecordBody, type TemplateSpec } from '../writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent, systemValues } from '../writer/event-template.ts';
import { T, v } from '../writer/values.ts';

const NAMED: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000a001}',
  root: {
    el: 'Event',
    children: [
      {
        el: 'System',
        children: [
          { el: 'Provider', attrs: [['Name', [{ text: ' P ' }, { sub: 0, type: T.string }]]] },
          { el: 'Computer', dep: 1, children: [{ sub: 1, type: T.string }] },
          { el: 'Channel', children: [{ sub: 2, type: T.string, optional: true }] },
        ],
      },
      {
        el: 'EventData',
        children: [
          {
            el: 'Data',
            attrs: [['Name', [{ sub: 3, type: T.string }]]],
            children: [{ sub: 4, type: T.string }],
          },
          {
            el: 'Data',
            attrs: [['Name', [{ text: 'Fixed' }]]],
            children: [{ text: 'a' }, { sub: 5, type: T.uint32 }, { entity: 'amp' }],
          },
        ],
      },
      {
        el: 'RenderingInfo',
        children: [{ el: 'Message', children: [{ sub: 6, type: T.string }] }],
      },
    ],
  },
};

const INNER: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000a002}',
  root: {
    el: 'UserData',
    children: [
      {
        el: 'Op',
        children: [
          { el: 'A', children: [{ sub: 0, type: T.string, optional: true }] },
          { el: 'B', children: [{ sub: 1, type: T.hexInt32 }] },
        ],
      },
    ],
  },
};

const OUTER: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000a003}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'EventID', children: [{ sub: 0, type: T.uint16 }] }] },
      { sub: 1, type: T.binXml, optional: true },
    ],
  },
};

const nested = (
  chunk: ChunkWriter,
  a: ReturnType<typeof v.string> | ReturnType<typeof v.null>,
) => ({
  type: T.binXml,
  build: (w: Parameters<ChunkWriter['templateInstance']>[0]) => {
    w.fragmentHeader();
    chunk.templateInstance(w, INNER, [a, v.hex32(255)]);
    w.eof();
  },
});

const BODIES: readonly [string, (chunk: ChunkWriter) => RecordBody][] = [
  ['a Sysmon-shaped record', () => ({ template: SAMPLE_TEMPLATE, values: sampleEvent(4) })],
  [
    'System values given or NULL',
    () => ({
      template: SAMPLE_TEMPLATE,
      values: [
        ...systemValues({
          provider: 'p',
          eventId: 1,
          time: new Date(0),
          recordId: 1,
          channel: 'c',
          computer: ' h ',
        }),
        v.null(),
        v.string(''),
        v.u32(1),
      ],
    }),
  ],
  [
    'names from values, literals around values, entity references',
    () => ({
      template: NAMED,
      values: [
        v.string('x'),
        v.string('host'),
        v.string('ch'),
        v.string('Dyn'),
        v.string('dv'),
        v.u32(7),
        v.string('msg'),
      ],
    }),
  ],
  [
    'a dependency naming NULL, an optional NULL, an empty name',
    () => ({
      template: NAMED,
      values: [
        v.string(''),
        v.null(),
        v.null(),
        v.string(''),
        v.string('unnamed'),
        v.u32(0),
        v.string(''),
      ],
    }),
  ],
  [
    'a nested instance',
    (chunk) => ({ template: OUTER, values: [v.u16(5), nested(chunk, v.string('a'))] }),
  ],
  [
    'a nested instance with a NULL optional',
    (chunk) => ({ template: OUTER, values: [v.u16(5), nested(chunk, v.null())] }),
  ],
  [
    'an empty nested value',
    () => ({ template: OUTER, values: [v.u16(5), v.binXml(new Uint8Array(0))] }),
  ],
];

for (const [name, body] of BODIES) {
  test(`parts plan equals replay: ${name}`, () => {
    // Twice, so that the second record runs the cached plan.
    assertPlansEqualReplay((writer) => [body(writer), body(writer)]);
  });
}

/** Writes the records into one chunk and checks each one's planned parts against its replay. */
function assertPlansEqualReplay(records: (writer: ChunkWriter) => readonly RecordBody[]): void {
  const writer = new ChunkWriter();
  const offsets = records(writer).map((body, i) => writer.addRecord(i + 1, body));
  const bytes = Buffer.from(writer.finish());
  const chunk = createChunkContext(bytes);
  const planner = new PartsPlanner();
  const sink = new EventPartsSink();
  const runner = new BinXmlRunner(sink);
  for (const [i, offset] of offsets.entries()) {
    const header = parseRecordHeader(new ByteReader(bytes), offset);
    const r = chunk.reader.window(header.binXmlStart, header.binXmlEnd);
    runner.run(chunk, r, sink);
    const replayed = sink.take();
    const instance = runner.singleInstance(chunk, r);
    assert.ok(instance !== undefined);
    const planned = planner.parts(chunk, instance);
    assert.ok(planned !== undefined, 'the record should be planned');
    assert.deepEqual(planned, replayed, `record ${i + 1}`);
  }
}

test('records with arrays are not planned (they are replayed)', () => {
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-00000000a004}',
    root: { el: 'E', children: [{ el: 'D', children: [{ sub: 0, type: T.string | T.array }] }] },
  };
  const writer = new ChunkWriter();
  const offset = writer.addRecord(1, { template, values: [v.stringArray(['a', 'b'])] });
  const bytes = Buffer.from(writer.finish());
  const chunk = createChunkContext(bytes);
  const header = parseRecordHeader(new ByteReader(bytes), offset);
  const instance = new BinXmlRunner(new EventPartsSink()).singleInstance(
    chunk,
    chunk.reader.window(header.binXmlStart, header.binXmlEnd),
  );
  assert.ok(instance !== undefined);
  assert.equal(new PartsPlanner().parts(chunk, instance), undefined);
});

/** An Event whose EventData has one Data item per sub, named D0, D1, D2. */
function eventData(types: readonly number[], optional: boolean): TemplateSpec['root'] {
  const items = types.map((type, sub) => ({
    el: 'Data',
    attrs: [['Name', [{ text: `D${sub}` }]]] as const,
    children: [{ sub, type, optional }],
  }));
  return { el: 'Event', children: [{ el: 'EventData', children: items }] };
}

/** REUSE_B has other types at the same value positions: reuse must check the type. */
const REUSE_A: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000a005}',
  root: eventData([T.string, T.hexInt64, T.sid], true),
};
const REUSE_B: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000a006}',
  root: eventData([T.hexInt64, T.uint64, T.string], false),
};

test('texts reused from the previous record at a value position are the replayed texts', () => {
  const nulInside = { type: T.string, bytes: Uint8Array.from([0x61, 0, 0, 0, 0x62, 0]) };
  const records: RecordBody[] = [
    { template: REUSE_A, values: [v.string('host'), v.hex64(0x3e7), v.sid('S-1-5-18')] },
    { template: REUSE_A, values: [v.string('host'), v.hex64(0x3e7), v.sid('S-1-5-18')] },
    { template: REUSE_A, values: [v.string('hosu'), v.hex64(0x3e8), v.sid('S-1-5-19')] },
    { template: REUSE_A, values: [v.string('hos'), v.hex64(0x3e800000000n), v.sid('S-1-5-19')] },
    { template: REUSE_A, values: [nulInside, v.null(), v.null()] },
    { template: REUSE_A, values: [nulInside, v.hex64(0), v.sid('S-1-5-32-544')] },
    { template: REUSE_A, values: [v.string('a'), v.hex64(0x61), v.sid('S-1-5-32-544')] },
    { template: REUSE_B, values: [v.hex64(0x61), v.u64(0x61), v.string('S-1-5-32-544')] },
    { template: REUSE_A, values: [v.string('a'), v.hex64(0x61), v.sid('S-1-5-32-544')] },
    { template: REUSE_A, values: [v.string('x'.repeat(80)), v.hex64(1), v.sid('S-1-5-18')] },
    { template: REUSE_A, values: [v.string('x'.repeat(80)), v.hex64(1), v.sid('S-1-5-18')] },
  ];
  assertPlansEqualReplay(() => records);
});
