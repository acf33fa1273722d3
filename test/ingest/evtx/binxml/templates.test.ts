// Template instances: substitution, optional values, dependency identifiers, arrays, nesting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeChunks } from '../helpers.ts';
import { ChunkWriter, evtxFile, type TemplateSpec } from '../writer/chunk-writer.ts';
import { EVENT_NS, SAMPLE_TEMPLATE, sampleEvent } from '../writer/event-template.ts';
import { T, v } from '../writer/values.ts';
import { decodeOne, xmlOf } from './record-helper.ts';

test('a Sysmon-shaped record renders in evtxexport layout', () => {
  const xml = xmlOf({ template: SAMPLE_TEMPLATE, values: sampleEvent(3) });
  assert.equal(
    xml,
    [
      `<Event xmlns="${EVENT_NS}">`,
      '  <System>',
      '    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>',
      '    <EventID>1</EventID>',
      '    <Version>5</Version>',
      '    <Level>4</Level>',
      '    <Task>1</Task>',
      '    <Opcode>0</Opcode>',
      '    <Keywords>0x8000000000000000</Keywords>',
      '    <TimeCreated SystemTime="2024-01-02T03:04:05.003000000Z"/>',
      '    <EventRecordID>3</EventRecordID>',
      '    <Correlation/>',
      '    <Execution ProcessID="3544" ThreadID="4272"/>',
      '    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>',
      '    <Computer>ws1.example.test</Computer>',
      '    <Security UserID="S-1-5-18"/>',
      '  </System>',
      '  <EventData>',
      '    <Data Name="Image">C:\\Windows\\System32\\cmd3.exe</Data>',
      '    <Data Name="CommandLine">cmd.exe /c echo 3 &amp; whoami &lt;in &gt;out</Data>',
      '    <Data Name="ProcessId">4003</Data>',
      '  </EventData>',
      '</Event>',
      '',
    ].join('\n'),
  );
});

test('the windows style is one line with single-quoted attributes, as EvtRender gives it', () => {
  const xml = xmlOf({ template: SAMPLE_TEMPLATE, values: sampleEvent(3) }, 'windows');
  assert.ok(
    xml.startsWith(`<Event xmlns='${EVENT_NS}'><System><Provider Name='Microsoft-Windows-Sysmon'`),
  );
  assert.ok(xml.includes("<Correlation/><Execution ProcessID='3544' ThreadID='4272'/>"));
  assert.ok(xml.endsWith("<Data Name='ProcessId'>4003</Data></EventData></Event>"));
  assert.ok(!xml.includes('\n'));
});

test('System values and Data items come out as event parts', () => {
  const { record } = decodeOne({ template: SAMPLE_TEMPLATE, values: sampleEvent(3) });
  assert.deepEqual(record?.parts, {
    system: {
      providerName: 'Microsoft-Windows-Sysmon',
      providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
      eventId: '1',
      version: '5',
      level: '4',
      task: '1',
      opcode: '0',
      keywords: '0x8000000000000000',
      systemTime: '2024-01-02T03:04:05.003000000Z',
      eventRecordId: '3',
      processId: '3544',
      threadId: '4272',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      computer: 'ws1.example.test',
      userId: 'S-1-5-18',
    },
    data: [
      { name: 'Image', value: 'C:\\Windows\\System32\\cmd3.exe' },
      { name: 'CommandLine', value: 'cmd.exe /c echo 3 & whoami <in >out' },
      { name: 'ProcessId', value: '4003' },
    ],
  });
});

const OPTIONAL: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000a1}',
  root: {
    el: 'E',
    children: [
      // MS-EVEN6 §3.1.4.7.2: a NULL optional value drops the enclosing attribute...
      {
        el: 'Attr',
        attrs: [
          ['A', [{ sub: 0, type: T.string, optional: true }]],
          ['B', [{ text: 'b' }]],
        ],
      },
      // ...or the enclosing element, whatever else it holds.
      {
        el: 'Content',
        attrs: [['C', [{ text: 'c' }]]],
        children: [{ sub: 1, type: T.string, optional: true }],
      },
      // §2.2.12: a dependency identifier naming a NULL value drops the element.
      { el: 'Depends', dep: 2, children: [{ text: 'x' }] },
      // A normal substitution of NULL leaves an empty element.
      { el: 'Normal', children: [{ sub: 3, type: T.string }] },
      // §2.2.12.2: an attribute whose data is empty is not emitted.
      { el: 'Empty', attrs: [['D', [{ sub: 4, type: T.string }]]] },
    ],
  },
};

test('NULL optional values drop their attribute or element; dependency identifiers drop elements', () => {
  const xml = xmlOf({
    template: OPTIONAL,
    values: [v.null(), v.null(), v.null(), v.null(), v.string('')],
  });
  assert.equal(xml, '<E>\n  <Attr B="b"/>\n  <Normal/>\n  <Empty/>\n</E>\n');
});

test('present optional values and dependencies keep everything', () => {
  const xml = xmlOf({
    template: OPTIONAL,
    values: [v.string('a'), v.string('y'), v.u8(1), v.string('n'), v.string('d')],
  });
  assert.equal(
    xml,
    '<E>\n  <Attr A="a" B="b"/>\n  <Content C="c">y</Content>\n  <Depends>x</Depends>\n  <Normal>n</Normal>\n  <Empty D="d"/>\n</E>\n',
  );
});

test('a NULL value with data bytes is still NULL, and its bytes are skipped', () => {
  const xml = xmlOf({
    template: OPTIONAL,
    values: [v.null(6), v.string('y'), v.u8(1), v.null(2), v.string('d')],
  });
  assert.equal(
    xml,
    '<E>\n  <Attr B="b"/>\n  <Content C="c">y</Content>\n  <Depends>x</Depends>\n  <Normal/>\n  <Empty D="d"/>\n</E>\n',
  );
});

const CLASSIC: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000a2}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'EventID', children: [{ sub: 0, type: T.uint16 }] }] },
      {
        el: 'EventData',
        children: [
          { el: 'Data', children: [{ sub: 1, type: T.string | T.array }] },
          { el: 'Binary', children: [{ sub: 2, type: T.binary, optional: true }] },
        ],
      },
    ],
  },
};

test('an array value repeats its element once per item (MS-EVEN6 §3.1.4.7.5)', () => {
  const { record } = decodeOne({
    template: CLASSIC,
    values: [v.u16(400), v.stringArray(['Available', 'None', 'a=b']), v.raw(T.binary, [1, 0xfe])],
  });
  assert.equal(
    record?.xml,
    '<Event>\n  <System>\n    <EventID>400</EventID>\n  </System>\n  <EventData>\n    <Data>Available</Data>\n    <Data>None</Data>\n    <Data>a=b</Data>\n    <Binary>01FE</Binary>\n  </EventData>\n</Event>\n',
  );
  assert.deepEqual(record?.parts?.data, [
    { name: undefined, value: 'Available' },
    { name: undefined, value: 'None' },
    { name: undefined, value: 'a=b' },
    { name: 'Binary', value: '01FE' },
  ]);
});

test('an empty array gives one empty element', () => {
  const xml = xmlOf({ template: CLASSIC, values: [v.u16(400), v.stringArray([]), v.null()] });
  assert.ok(xml.includes('  <EventData>\n    <Data/>\n  </EventData>'));
});

test('an array substituted into an attribute repeats the element too', () => {
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-0000000000a3}',
    root: {
      el: 'L',
      children: [{ el: 'I', attrs: [['N', [{ sub: 0, type: T.uint32 | T.array }]]] }],
    },
  };
  const xml = xmlOf({ template, values: [v.raw(T.uint32 | T.array, [1, 0, 0, 0, 2, 0, 0, 0])] });
  assert.equal(xml, '<L>\n  <I N="1"/>\n  <I N="2"/>\n</L>\n');
});

const OUTER: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000b1}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'Channel', children: [{ sub: 0, type: T.string }] }] },
      { sub: 1, type: T.binXml, optional: true },
    ],
  },
};

const INNER: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000b2}',
  root: {
    el: 'UserData',
    children: [
      {
        el: 'LogFileCleared',
        attrs: [
          ['xmlns', [{ text: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' }]],
        ],
        children: [
          { el: 'SubjectUserName', children: [{ sub: 0, type: T.string }] },
          { el: 'SubjectLogonId', children: [{ sub: 1, type: T.hexInt64 }] },
        ],
      },
    ],
  },
};

test('a BinXML value holding a template instance is spliced in place (MS-EVEN6 §3.1.4.7.4)', () => {
  const { record, problems } = decodeOne((chunk) => ({
    template: OUTER,
    values: [
      v.string('Security'),
      {
        type: T.binXml,
        build: (w) => {
          w.fragmentHeader();
          chunk.templateInstance(w, INNER, [v.string('alice'), v.hex64(0x3e7)]);
          w.eof();
        },
      },
    ],
  }));
  assert.deepEqual(problems, []);
  assert.equal(
    record?.xml,
    '<Event>\n  <System>\n    <Channel>Security</Channel>\n  </System>\n  <UserData>\n    <LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">\n      <SubjectUserName>alice</SubjectUserName>\n      <SubjectLogonId>0x3e7</SubjectLogonId>\n    </LogFileCleared>\n  </UserData>\n</Event>\n',
  );
  assert.deepEqual(record?.parts?.data, [
    { name: 'SubjectUserName', value: 'alice' },
    { name: 'SubjectLogonId', value: '0x3e7' },
  ]);
});

test('a BinXML value holding plain elements is spliced in place', () => {
  const xml = xmlOf({
    template: OUTER,
    values: [
      v.string('App'),
      {
        type: T.binXml,
        build: (w) => {
          w.fragmentHeader();
          w.node(
            { el: 'EventData', children: [{ el: 'Data', children: [{ text: 'plain' }] }] },
            'document',
          );
          w.eof();
        },
      },
    ],
  });
  assert.ok(xml.includes('  <EventData>\n    <Data>plain</Data>\n  </EventData>\n'));
});

test('a template defined in an earlier record is found by its offset', () => {
  const chunk = new ChunkWriter();
  chunk.addRecord(1, { template: SAMPLE_TEMPLATE, values: sampleEvent(1) });
  chunk.addRecord(2, { template: SAMPLE_TEMPLATE, values: sampleEvent(2) });
  const { records, problems } = decodeChunks(evtxFile([chunk.finish()]));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    records.map((r) => r.parts?.system.eventRecordId),
    ['1', '2'],
  );
});
