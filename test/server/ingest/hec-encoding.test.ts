// The encoded batch of an HEC body (store/encoded-events.ts, written by the parse worker) against
// the format written out plainly here: field names in the order the events' objects list them,
// each value's UTF-8 bytes one after the other in cell order, text or JSON. The encoder writes
// values in fewer calls (the event's short values joined, long ones such as `_raw` alone, one
// call per value when not ASCII); whatever the XML holds, the bytes and cells must be these.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { splitEventBody } from '../../../src/server/ingest/hec/hec-body.ts';
import { hecEnvelopeToEvent } from '../../../src/server/ingest/hec/hec-event.ts';
import type { HecEventContext } from '../../../src/server/ingest/hec/hec-metadata.ts';
import { type HecParseRequest, parseHecBody } from '../../../src/server/ingest/hec/hec-parse.ts';
import {
  decodeEvents,
  type EncodedEvents,
  JSON_CELL,
  TEXT_CELL,
} from '../../../src/server/store/encoded-events.ts';
import { encodeEvents } from '../../../src/server/store/event-encoder.ts';
import { generateSysmonSample } from '../../fixtures/seed-sample.ts';
import { eventXml, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';
import { hecParseRequest } from './hec-parse-request.ts';

const NOW = 1_800_000_000;

function request(body: string, query: HecParseRequest['request'] = {}): HecParseRequest {
  return hecParseRequest(body, {
    request: query,
    token: { name: 'tok', defaults: {} },
    indexes: ['main', 'wineventlog', 'app'],
    serverHost: 'spelunk-host',
    now: NOW,
  });
}

/** The format, one value at a time. */
function plainEncoding(events: readonly Event[]) {
  const names: string[] = [];
  const indexNames: string[] = [];
  const cells: number[] = [];
  const firstCell: number[] = [];
  const chunks: Buffer[] = [];
  let used = 0;
  for (const event of events) {
    if (!indexNames.includes(event['index'] as string)) indexNames.push(event['index'] as string);
    firstCell.push(cells.length / 4);
    for (const name in event) {
      const value = event[name];
      if (value === undefined || name === '_time' || name === 'index') continue;
      if (!names.includes(name)) names.push(name);
      const text =
        typeof value === 'string' || ['host', 'source', 'sourcetype', '_raw'].includes(name);
      const bytes = Buffer.from(
        typeof value === 'string' ? value : text ? String(value) : JSON.stringify(value),
      );
      cells.push(names.indexOf(name), used, used + bytes.length, text ? TEXT_CELL : JSON_CELL);
      chunks.push(bytes);
      used += bytes.length;
    }
  }
  firstCell.push(cells.length / 4);
  return {
    count: events.length,
    times: Float64Array.from(events, (e) => e['_time'] as number),
    indexIds: Uint16Array.from(events, (e) => indexNames.indexOf(e['index'] as string)),
    indexNames,
    names,
    firstCell: Int32Array.from(firstCell),
    cells: Int32Array.from(cells),
    bytes: Buffer.concat(chunks),
  };
}

function assertPlain(encoded: EncodedEvents, events: readonly Event[]): void {
  const { bytes, ...rest } = plainEncoding(events);
  const { bytes: got, matches: _, ...gotRest } = encoded;
  assert.deepEqual(gotRest, rest);
  assert.ok(Buffer.from(got).equals(bytes), 'the same bytes');
}

/** The events of a body as objects, made as parseHecBody makes them. */
function bodyEvents(body: string, query: HecParseRequest['request']): Event[] {
  const context: HecEventContext = {
    request: query,
    token: {},
    defaultSource: 'http:tok',
    defaultHost: 'spelunk-host',
    now: NOW,
    checkIndex: () => {},
  };
  const envelopes = splitEventBody(Buffer.from(body));
  return envelopes.map((envelope, i) => hecEnvelopeToEvent(envelope, i, context));
}

/** parseHecBody's batch is the format of its events, and decodes back to them. */
function assertBodyPlain(body: string, query: HecParseRequest['request'] = {}): void {
  const result = parseHecBody(request(body, query));
  assert.ok(result.ok, JSON.stringify(result));
  const events = bodyEvents(body, query);
  assertPlain(result.encoded, events);
  assert.deepEqual(decodeEvents(result.encoded), events);
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

test('each record: the bytes and cells of the format', () => {
  for (const xml of RECORDS) assertBodyPlain(JSON.stringify({ event: xml }));
  assertBodyPlain([...RECORDS, ...RECORDS].map((xml) => JSON.stringify({ event: xml })).join('\n'));
});

test('all records in one body, with metadata, indexed fields, JSON and plain events', () => {
  const envelopes = RECORDS.map((xml, i) =>
    JSON.stringify({
      event: xml,
      ...(i % 3 === 0 ? { host: `sender-${i}`, time: 1_714_550_400 + i / 8 } : {}),
      ...(i % 4 === 1 ? { index: 'app', source: 'my-source', sourcetype: 'custom:xml' } : {}),
      ...(i % 5 === 2 ? { fields: { team: ['blue', 'red'], n: 3 } } : {}),
    }),
  );
  envelopes.splice(3, 0, JSON.stringify({ event: { a: 1, nested: { b: 'c' } } }));
  envelopes.splice(7, 0, JSON.stringify({ event: 'a plain line ✓' }));
  assertBodyPlain(envelopes.join('\n'));
  assertBodyPlain(envelopes.join('\n'), { host: 'q-host', sourcetype: 'XmlWinEventLog' });
});

test('a generated Sysmon body of 500 events', () => {
  const body = [...generateSysmonSample(500, 7)]
    .map((xml) => JSON.stringify({ event: xml, sourcetype: 'XmlWinEventLog' }))
    .join('\n');
  assertBodyPlain(body);
});

test('objects: multivalues, numbers, long values between short ones, text not ASCII', () => {
  const long = 'x'.repeat(1500);
  const events: Event[] = [
    { _time: 1, index: 'main', a: 'short', b: long, c: 'after', _raw: `${long}é` },
    {
      _time: 2,
      index: 'app',
      b: `é${long}`,
      m: ['one', 'two ✓'],
      n: 3,
      host: 7 as unknown as string,
    },
    { _time: 3, index: 'main', _raw: '', a: '', c: '✓'.repeat(2000) },
  ];
  assertPlain(encodeEvents(events), events);
});
