// HEC's parse worker encodes a Windows XML event straight from the record parser's field list
// (hecEnvelopeInto with an encoder): the batch must be exactly the one encoding the events as
// objects gives (hecEnvelopeToEvent, then encodeEvents) - same names, cells, bytes, times, indexes
// - whatever the XML holds, and events the direct path cannot take must fall back unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitEventBody } from '../../../src/server/ingest/hec/hec-body.ts';
import { HecError } from '../../../src/server/ingest/hec/hec-codes.ts';
import { hecEnvelopeToEvent } from '../../../src/server/ingest/hec/hec-event.ts';
import type { HecEventContext } from '../../../src/server/ingest/hec/hec-metadata.ts';
import { type HecParseRequest, parseHecBody } from '../../../src/server/ingest/hec/hec-parse.ts';
import { EventEncoder, encodeEvents } from '../../../src/server/store/encoded-events.ts';
import { generateSysmonSample } from '../../fixtures/seed-sample.ts';
import { eventXml, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';

const NOW = 1_800_000_000;
const INDEXES = ['main', 'wineventlog', 'app'];

function request(body: string, query: HecParseRequest['request'] = {}): HecParseRequest {
  return {
    endpoint: 'event',
    body: Buffer.from(body),
    request: query,
    token: { name: 'tok', defaults: {} },
    indexes: INDEXES,
    serverHost: 'spelunk-host',
    now: NOW,
  };
}

/** The object path: parseHecBody's context, each envelope made an event, then encoded. */
function throughObjects(body: string, query: HecParseRequest['request'] = {}) {
  const context: HecEventContext = {
    request: query,
    token: {},
    defaultSource: 'http:tok',
    defaultHost: 'spelunk-host',
    now: NOW,
    checkIndex: (index, position) => {
      if (!INDEXES.includes(index))
        throw new HecError('incorrectIndex', { invalidEvent: position });
    },
  };
  const envelopes = splitEventBody(Buffer.from(body));
  return encodeEvents(envelopes.map((envelope, i) => hecEnvelopeToEvent(envelope, i, context)));
}

function assertSameBatch(body: string, query: HecParseRequest['request'] = {}): void {
  const direct = parseHecBody(request(body, query));
  assert.ok(direct.ok, JSON.stringify(direct));
  assert.deepEqual(direct.encoded, throughObjects(body, query));
}

const SECURITY_LOGON = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-05-01T08:00:01.123456700Z'/><EventRecordID>99</EventRecordID><Correlation ActivityID='{0B5F3A6C-1F10-0001-7F3B-5F0B101FDA01}'/><Execution ProcessID='668' ThreadID='2704'/><Channel>Security</Channel><Computer>DC01.corp.example</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='SubjectUserName'>DC01$</Data><Data Name='TargetUserName'>José Müller</Data><Data Name='TargetDomainName'>КОРП</Data><Data Name='LogonType'>3</Data><Data Name='LogonProcessName'>NtLmSsp </Data><Data Name='WorkstationName'>工作站-01</Data><Data Name='LmPackageName'>-</Data><Data Name='KeyLength'>0</Data><Data Name='ProcessName'></Data><Data Name='IpAddress'/><Data Name='ImpersonationLevel'>%%1833</Data><Data Name='RestrictedAdminMode'>-</Data><Data Name='Emoji'>🙂 ok</Data></EventData></Event>`;

/** Records whose shapes reach every branch: plain and general parses, fallbacks, odd names. */
const RECORDS: readonly string[] = [
  eventXml(PROCESS_CREATE),
  eventXml(PROCESS_CREATE, 'pretty'),
  SECURITY_LOGON,
  // Entities and character references in values and attributes; CDATA; a comment.
  eventXml({
    eventId: 1,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    data: [
      ['CommandLine', 'cmd.exe /c "echo <a> & b" > out.txt'],
      ['Image', "C:\\Program Files\\it's.exe"],
    ],
  }).replace(
    '</EventData>',
    "<Data Name='ScriptBlockText'><![CDATA[if ($a -lt 3) { '<tag>' & 1 }]]></Data><!-- note --><Data Name='Ref'>&#x41;&#66;&#x1F600;</Data></EventData>",
  ),
  // Repeated Data names (a multivalue field): the object path.
  eventXml({
    eventId: 4688,
    channel: 'Security',
    data: [
      ['Hash', 'one'],
      ['Other', 'x'],
      ['Hash', 'two'],
    ],
  }),
  // Unnamed Data items: the multivalue field Data.
  eventXml({
    eventId: 7036,
    channel: 'System',
    data: [
      [undefined, 'a'],
      [undefined, 'b'],
    ],
  }),
  eventXml({ eventId: 7036, channel: 'System', data: [[undefined, 'alone']] }),
  // Names that collide with System fields, Splunk metadata, the prototype, array indexes.
  eventXml({ eventId: 5, channel: 'Application', data: [['Name', 'data name']] }),
  eventXml({ eventId: 5, channel: 'Application', data: [['Channel', 'data channel']] }),
  eventXml({
    eventId: 5,
    channel: 'Application',
    data: [
      ['host', 'h'],
      ['_raw', 'r'],
      ['index', 'i'],
      ['_time', 't'],
    ],
  }),
  eventXml({ eventId: 5, channel: 'Application', data: [['__proto__', 'p']] }),
  eventXml({
    eventId: 5,
    channel: 'Application',
    data: [
      ['z', 'last'],
      ['1', 'one'],
      ['0', 'zero'],
    ],
  }),
  eventXml({ eventId: 5, channel: 'Application', data: [['constructor', 'c']] }),
  // Empty values, a value long enough to be written alone, multibyte in it.
  eventXml({
    eventId: 4104,
    channel: 'Microsoft-Windows-PowerShell/Operational',
    data: [
      ['Empty', ''],
      ['ScriptBlockText', `${'Write-Host "ü✓"; '.repeat(120)}`],
      ['After', 'tail'],
    ],
  }),
  // No SystemTime: Sysmon's UtcTime, then nothing (receipt time).
  eventXml(PROCESS_CREATE).replace(/<TimeCreated [^>]*\/>/, ''),
  eventXml({ eventId: 9, channel: 'App', data: [['X', 'y']] }).replace(/<TimeCreated [^>]*\/>/, ''),
  // A rendered message, and a Data item named Message beside it.
  eventXml(PROCESS_CREATE).replace(
    '</Event>',
    '<RenderingInfo Culture="en-US"><Message>Process Create: ✓</Message></RenderingInfo></Event>',
  ),
  eventXml({ eventId: 9, channel: 'App', data: [['Message', 'm']] }).replace(
    '</Event>',
    '<RenderingInfo><Message>rendered</Message></RenderingInfo></Event>',
  ),
  // UserData leaves, a namespace prefix.
  `<e:Event xmlns:e='http://schemas.microsoft.com/win/2004/08/events/event'><e:System><e:Provider Name='Microsoft-Windows-Eventlog'/><e:EventID>1102</e:EventID><e:TimeCreated SystemTime='2024-05-01T08:00:00Z'/><e:Channel>Security</e:Channel><e:Computer>dc1</e:Computer></e:System><e:UserData><LogFileCleared><SubjectUserName>admin</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName></LogFileCleared></e:UserData></e:Event>`,
];

test('each record: the direct encoding equals the object path', () => {
  for (const xml of RECORDS) assertSameBatch(JSON.stringify({ event: xml }));
  // Twice in one body: the second time, every name is known to the batch already.
  assertSameBatch([...RECORDS, ...RECORDS].map((xml) => JSON.stringify({ event: xml })).join('\n'));
});

test('all records in one body, and metadata from the envelope and the query', () => {
  const envelopes = RECORDS.map((xml, i) =>
    JSON.stringify({
      event: xml,
      ...(i % 3 === 0 ? { host: `sender-${i}`, time: 1_714_550_400 + i / 8 } : {}),
      ...(i % 4 === 1 ? { index: 'app', source: 'my-source', sourcetype: 'custom:xml' } : {}),
      ...(i % 5 === 2 ? { fields: { team: ['blue', 'red'], n: 3 } } : {}),
    }),
  );
  // JSON and plain events between them take the object path.
  envelopes.splice(3, 0, JSON.stringify({ event: { a: 1, nested: { b: 'c' } } }));
  envelopes.splice(7, 0, JSON.stringify({ event: 'a plain line ✓' }));
  const body = envelopes.join('\n');
  assertSameBatch(body);
  assertSameBatch(body, { host: 'q-host', sourcetype: 'XmlWinEventLog' });
  assertSameBatch(body, { index: 'main' });
});

test('a generated Sysmon body of 500 events', () => {
  const body = [...generateSysmonSample(500, 7)]
    .map((xml) => JSON.stringify({ event: xml, sourcetype: 'XmlWinEventLog' }))
    .join('\n');
  assertSameBatch(body);
});

test('an index the token may not write is refused on the direct path as on the object path', () => {
  const result = parseHecBody(request(JSON.stringify({ event: RECORDS[0], index: 'nope' })));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.code, 7);
});

test('addFields refuses, adding nothing, what only an object can say', () => {
  const encoder = new EventEncoder(4);
  assert.equal(encoder.addFields(1, 'main', ['a', 'b', 'a'], ['1', '2', '3']), false);
  assert.equal(encoder.addFields(1, 'main', ['a', '2'], ['1', '2']), false);
  assert.equal(encoder.addFields(1, 'main', ['a', '__proto__'], ['1', '2']), false);
  assert.equal(encoder.addFields(1, 'main', ['a', 'n'], ['1', 2]), false);
  assert.equal(
    encoder.addFields(1, 'main', ['_time', 'index', 'a', 'b'], [1, 'main', 'x', 'y']),
    true,
  );
  const batch = encoder.finish();
  assert.deepEqual(batch, encodeEvents([{ _time: 1, index: 'main', a: 'x', b: 'y' }]));
});
