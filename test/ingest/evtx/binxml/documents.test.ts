// Records written without templates, and the tokens templates rarely use: references, CDATA, PI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeChunks } from '../helpers.ts';
import { ChunkWriter, evtxFile } from '../writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from '../writer/event-template.ts';
import { T, v } from '../writer/values.ts';
import { decodeOne, xmlOf } from './record-helper.ts';

test('a record without a template (element tokens straight in the record) reads in full', () => {
  const { record, problems } = decodeOne({
    document: [
      {
        el: 'Event',
        attrs: [['xmlns', [{ text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]]],
        children: [
          {
            el: 'System',
            children: [
              { el: 'Provider', attrs: [['Name', [{ text: 'MSExchange CmdletLogs' }]]] },
              {
                el: 'EventID',
                attrs: [['Qualifiers', [{ text: '16388' }]]],
                children: [{ text: '1' }],
              },
              { el: 'Channel', children: [{ text: 'MSExchange Management' }] },
              { el: 'Computer', children: [{ text: 'ex1.corp.test' }] },
            ],
          },
          { el: 'EventData', children: [{ el: 'Data', children: [{ text: 'Get-Mailbox' }] }] },
        ],
      },
    ],
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(record?.parts, {
    system: {
      providerName: 'MSExchange CmdletLogs',
      qualifiers: '16388',
      eventId: '1',
      channel: 'MSExchange Management',
      computer: 'ex1.corp.test',
    },
    data: [{ name: undefined, value: 'Get-Mailbox' }],
  });
});

test('character and entity references, CDATA and text pieces join into one value', () => {
  const doc = {
    document: [
      {
        el: 'Event',
        attrs: [
          ['A', [{ text: 'x' }, { entity: 'amp' }, { charRef: 0x3c }, { text: 'y' }]],
        ] as const,
        children: [
          {
            el: 'Data',
            children: [
              { text: 'one ' },
              { charRef: 65 },
              { entity: 'lt' },
              { cdata: 'c<d' },
              { text: ' two' },
            ],
          },
        ],
      },
    ],
  };
  assert.equal(
    xmlOf(doc),
    '<Event A="x&amp;&lt;y">\n  <Data>one &#65;&lt;<![CDATA[c<d]]> two</Data>\n</Event>\n',
  );
  assert.equal(
    xmlOf(doc, 'windows'),
    "<Event A='x&amp;&lt;y'><Data>one &#65;&lt;<![CDATA[c<d]]> two</Data></Event>",
  );
});

test('processing instructions are rendered and do not become data', () => {
  const { record } = decodeOne({
    document: [
      { pi: ['xml-stylesheet', 'href="a.xsl"'] },
      { el: 'Event', children: [{ el: 'EventData', children: [] }] },
    ],
  });
  assert.equal(record?.xml, '<?xml-stylesheet href="a.xsl"?>\n<Event>\n  <EventData/>\n</Event>\n');
  assert.deepEqual(record?.parts?.data, []);
});

test('value tokens of non-string types are rendered by their type', () => {
  const xml = xmlOf({
    document: [
      {
        el: 'V',
        children: [
          { el: 'U', children: [{ typed: v.u32(42) }] },
          { el: 'H', children: [{ typed: v.hex64(255) }] },
          { el: 'G', children: [{ typed: v.guid('{00112233-4455-6677-8899-AABBCCDDEEFF}') }] },
        ],
      },
    ],
  });
  assert.equal(
    xml,
    '<V>\n  <U>42</U>\n  <H>0xff</H>\n  <G>{00112233-4455-6677-8899-AABBCCDDEEFF}</G>\n</V>\n',
  );
});

test('names written inline every time read the same as names shared through the chunk', () => {
  const shared = new ChunkWriter();
  const inline = new ChunkWriter({ inlineNames: true });
  for (const chunk of [shared, inline]) {
    chunk.addRecord(1, { template: SAMPLE_TEMPLATE, values: sampleEvent(1) });
    chunk.addRecord(2, {
      document: [
        {
          el: 'Event',
          children: [{ el: 'System', children: [{ el: 'Computer', children: [{ text: 'h' }] }] }],
        },
      ],
    });
  }
  const a = decodeChunks(evtxFile([shared.finish()]), { xml: 'windows' });
  const b = decodeChunks(evtxFile([inline.finish()]), { xml: 'windows' });
  assert.deepEqual(b.problems, []);
  assert.deepEqual(
    b.records.map((r) => r.xml),
    a.records.map((r) => r.xml),
  );
});

test('a template whose substitution declares one type renders the type the value carries', () => {
  const template = {
    guid: '{00000000-0000-0000-0000-0000000000c1}',
    root: { el: 'D', children: [{ sub: 0, type: T.string }] },
  };
  assert.equal(xmlOf({ template, values: [v.u32(7)] }), '<D>7</D>\n');
});
