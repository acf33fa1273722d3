// The contract with the XML reader: an EVTX record and the same record rendered as XML (by this
// reader) give the same event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { XmlStyle } from '../../../src/ingest/evtx/render/xml-writer.ts';
import type { ByteInput } from '../../../src/ingest/input/byte-input.ts';
import { windowsEventToEvent } from '../../../src/ingest/windows/windows-event.ts';
import { readXml } from '../../../src/ingest/xml/read-xml.ts';
import { withoutProvenance } from '../helpers/provenance.ts';
import { decodeChunks } from './helpers.ts';
import { ChunkWriter, evtxFile, type TemplateSpec } from './writer/chunk-writer.ts';
import {
  EVENT_NS,
  eventTemplate,
  SAMPLE_TEMPLATE,
  sampleEvent,
  systemValues,
} from './writer/event-template.ts';
import { T, v } from './writer/values.ts';

const SYSTEM = systemValues({
  provider: '  Spaced-Provider ',
  eventId: 4688,
  time: new Date(Date.UTC(2023, 4, 6, 7, 8, 9, 10)),
  recordId: 99,
  channel: 'Security',
  computer: 'dc1.corp.test',
  userId: 'S-1-5-21-1-2-3-500',
});

const CLASSIC: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000f1}',
  root: {
    el: 'Event',
    attrs: [['xmlns', [{ text: EVENT_NS }]]],
    children: [
      {
        el: 'System',
        children: [
          { el: 'EventID', children: [{ sub: 0, type: T.uint16 }] },
          { el: 'Channel', children: [{ text: 'Windows PowerShell' }] },
        ],
      },
      {
        el: 'EventData',
        children: [
          { el: 'Data', children: [{ sub: 1, type: T.string | T.array }] },
          { el: 'Binary', children: [{ sub: 2, type: T.binary }] },
        ],
      },
    ],
  },
};

const WITH_RENDERING: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000f2}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'Computer', children: [{ text: ' padded ' }] }] },
      {
        el: 'UserData',
        children: [
          {
            el: 'Op',
            children: [
              { el: 'Path', children: [{ sub: 0, type: T.string }] },
              { el: 'Empty', children: [] },
            ],
          },
        ],
      },
      {
        el: 'ProcessingErrorData',
        children: [{ el: 'ErrorCode', children: [{ sub: 1, type: T.uint32 }] }],
      },
      {
        el: 'RenderingInfo',
        attrs: [['Culture', [{ text: 'en-US' }]]],
        children: [{ el: 'Message', children: [{ sub: 2, type: T.string }] }],
      },
    ],
  },
};

function records(): ChunkWriter {
  const chunk = new ChunkWriter();
  chunk.addRecord(1, { template: SAMPLE_TEMPLATE, values: sampleEvent(1) });
  const names = eventTemplate('{00000000-0000-0000-0000-0000000000f3}', [
    'Tricky',
    'Spaces',
    'Astral',
    'Bin',
  ]);
  chunk.addRecord(2, {
    template: names,
    values: [
      ...SYSTEM,
      v.string('a<b>&c"d\'e\tf\r\ng'),
      v.string('  kept  '),
      v.string('😀 ✓'),
      v.raw(T.binary, [0xde, 0xad]),
    ],
  });
  chunk.addRecord(3, {
    template: CLASSIC,
    values: [
      v.u16(400),
      v.stringArray(['NewEngineState=Available', '', 'x & y']),
      v.raw(T.binary, []),
    ],
  });
  chunk.addRecord(4, {
    template: WITH_RENDERING,
    values: [v.string('C:\\a b\\c'), v.u32(5), v.string('Line 1\r\nLine 2')],
  });
  chunk.addRecord(5, {
    document: [
      {
        el: 'Event',
        children: [
          { el: 'System', children: [{ el: 'EventID', children: [{ text: '7' }] }] },
          {
            el: 'EventData',
            children: [
              {
                el: 'Data',
                attrs: [['Name', [{ text: 'Ref' }]]],
                children: [{ text: 'x' }, { entity: 'amp' }, { charRef: 9 }, { cdata: 'c]]d' }],
              },
            ],
          },
        ],
      },
    ],
  });
  return chunk;
}

function xmlInput(text: string): ByteInput {
  const bytes = new TextEncoder().encode(text);
  return {
    path: 'round-trip.xml',
    filePath: undefined,
    compressed: false,
    encoding: 'utf-8',
    head: bytes,
    chunks: async function* () {
      yield bytes;
    },
    close: async () => {},
  };
}

for (const style of ['windows', 'evtxexport'] as const satisfies readonly XmlStyle[]) {
  test(`records rendered in the ${style} style read back as the same events`, async () => {
    const decoded = decodeChunks(evtxFile([records().finish()]), { xml: style });
    assert.deepEqual(decoded.problems, []);
    assert.equal(decoded.records.length, 5);
    const fromEvtx = decoded.records.map((r) =>
      windowsEventToEvent(r.parts ?? { system: {}, data: [] }, { index: 'i' }),
    );
    const fromXml: Event[] = [];
    const problems: string[] = [];
    const text = decoded.records.map((r) => r.xml).join('\n');
    const source = readXml(xmlInput(text), {
      index: 'i',
      needRaw: false,
      // Records 3-5 have no time on purpose: both readers give them `_time` 0.
      onProblem: (p) => {
        if (p.code !== 'ING401') problems.push(p.message);
      },
    });
    for await (const batch of source) fromXml.push(...batch);
    assert.deepEqual(problems, []);
    assert.deepEqual(withoutProvenance(fromXml), fromEvtx);
    // Each event names the line its record starts on.
    let at = 0;
    const starts = decoded.records.map((r) => {
      const line = text.slice(0, at).split('\n').length;
      at += (r.xml ?? '').length + 1;
      return line;
    });
    assert.deepEqual(
      fromXml.map((e) => e['_line']),
      starts,
    );
  });
}
