import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readJsonl } from '../../../src/ingest/jsonl/read-jsonl.ts';
import { readXml } from '../../../src/ingest/xml/read-xml.ts';
import { withoutProvenance } from '../helpers/provenance.ts';
import { readWith } from '../helpers/read-text.ts';
import { eventXml, IMAGE_LOAD } from '../helpers/windows-xml.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

/** An OTRF/Mordor-style flat record (NXLog field names), written for these tests. */
const MORDOR = {
  '@timestamp': '2024-03-01T10:00:00.500Z',
  EventID: 4688,
  SourceName: 'Microsoft-Windows-Security-Auditing',
  ProviderGuid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
  Hostname: 'WS1',
  Channel: 'Security',
  Task: '13312',
  ProcessId: '0x273c',
  NewProcessId: '0x242c',
  NewProcessName: 'C:\\Windows\\System32\\bitsadmin.exe',
  ShareLocalPath: null,
  Message: 'A new process has been created.\r\n',
};

/** A Winlogbeat 8 document (ECS), written for these tests. */
const WINLOGBEAT = {
  '@timestamp': '2024-03-01T10:00:01.250Z',
  host: { name: 'ws1.corp.example', os: { family: 'windows' } },
  event: { code: '1', provider: 'Microsoft-Windows-Sysmon', kind: 'event' },
  message: 'Process Create:',
  winlog: {
    channel: SYSMON,
    event_id: '1',
    computer_name: 'WS1.corp.example',
    record_id: 12345,
    provider_name: 'Microsoft-Windows-Sysmon',
    provider_guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
    process: { pid: 3000, thread: { id: 4000 } },
    user: { identifier: 'S-1-5-18', name: 'SYSTEM' },
    version: 5,
    opcode: 'Info',
    keywords: ['Audit Success', 'Classic'],
    event_data: { Image: 'C:\\Tools\\code.exe', CommandLine: 'code tunnel', ProcessId: '4242' },
  },
};

test('flat (Mordor) records: alias table, numbers as text, null as absent, hex ProcessId kept', async () => {
  const { events, problems } = await readWith(readJsonl, `${JSON.stringify(MORDOR)}\n`);
  assert.deepEqual(problems, []);
  const [event] = events;
  assert.equal(event?.['EventID'], '4688');
  assert.equal(event?.['EventCode'], '4688');
  assert.equal(event?.['Computer'], 'WS1');
  assert.equal(event?.['Hostname'], 'WS1');
  assert.equal(event?.['Name'], 'Microsoft-Windows-Security-Auditing');
  assert.equal(event?.['Guid'], '{54849625-5478-4994-a5ba-3e3b0328c30d}');
  assert.equal(event?.['ProcessId'], '0x273c');
  assert.equal(Object.hasOwn(event ?? {}, 'ProcessID'), false);
  assert.equal(Object.hasOwn(event ?? {}, 'ShareLocalPath'), false);
  assert.equal(event?.['_time'], 1709287200.5);
  assert.equal(event?.['host'], 'WS1');
  assert.equal(event?.['source'], 'XmlWinEventLog:Security');
  assert.equal(event?.['sourcetype'], 'XmlWinEventLog');
  assert.equal(event?.['index'], 'wineventlog');
});

test('Winlogbeat/ECS documents: dotted names plus the model names', async () => {
  const { events, problems } = await readWith(readJsonl, JSON.stringify(WINLOGBEAT));
  assert.deepEqual(problems, []);
  const [event] = events;
  assert.equal(event?.['winlog.event_data.Image'], 'C:\\Tools\\code.exe');
  assert.equal(event?.['Image'], 'C:\\Tools\\code.exe');
  assert.equal(event?.['CommandLine'], 'code tunnel');
  assert.equal(event?.['EventID'], '1');
  assert.equal(event?.['EventCode'], '1');
  assert.equal(event?.['Channel'], SYSMON);
  assert.equal(event?.['Computer'], 'WS1.corp.example');
  assert.equal(event?.['EventRecordID'], '12345');
  assert.equal(event?.['Name'], 'Microsoft-Windows-Sysmon');
  assert.equal(event?.['ProcessID'], '3000');
  assert.equal(event?.['ThreadID'], '4000');
  assert.equal(event?.['UserID'], 'S-1-5-18');
  assert.equal(event?.['Message'], 'Process Create:');
  assert.deepEqual(event?.['winlog.keywords{}'], ['Audit Success', 'Classic']);
  assert.equal(Object.hasOwn(event ?? {}, 'Opcode'), false);
  assert.equal(event?.['host'], 'WS1.corp.example');
  assert.equal(event?.['source'], `XmlWinEventLog:${SYSMON}`);
  assert.equal(event?.['_time'], 1709287201.25);
});

test('evtx_dump JSON (pretty, concatenated without separators) equals the XML of the same record', async () => {
  const record = {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: {
          '#attributes': {
            Name: 'Microsoft-Windows-Sysmon',
            Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9',
          },
        },
        EventID: 7,
        Version: 5,
        Level: 4,
        Task: 7,
        Opcode: 0,
        Keywords: '0x8000000000000000',
        TimeCreated: { '#attributes': { SystemTime: '2024-03-01T10:00:00.1234567Z' } },
        EventRecordID: 2,
        Correlation: null,
        Execution: { '#attributes': { ProcessID: 3000, ThreadID: 4000 } },
        Channel: SYSMON,
        Computer: 'ws1.corp.example',
        Security: { '#attributes': { UserID: 'S-1-5-18' } },
      },
      EventData: Object.fromEntries(
        IMAGE_LOAD.data.map(([name, value]) => [
          name,
          name === 'ProcessId' ? Number(value) : value,
        ]),
      ),
    },
  };
  const pretty = JSON.stringify(record, null, 2);
  const fromJson = await readWith(readJsonl, `${pretty}\n${pretty}${pretty}`, { chunkSize: 97 });
  const fromXml = await readWith(readXml, eventXml(IMAGE_LOAD));
  assert.deepEqual(fromJson.problems, []);
  assert.equal(fromJson.events.length, 3);
  assert.deepEqual(
    withoutProvenance(fromJson.events.slice(2)),
    withoutProvenance(fromXml.events.slice(0, 1)),
  );
  // Each record names the line it starts on.
  const lines = pretty.split('\n').length;
  assert.deepEqual(
    fromJson.events.map((e) => e['_line']),
    [1, lines + 1, 2 * lines],
  );
});

test('evtx_dump JSON: Qualifiers, unnamed Data, UserData, separate attributes, empty values', async () => {
  const record = {
    Event: {
      System: {
        Provider_attributes: { Name: 'PowerShell' },
        EventID: { '#attributes': { Qualifiers: 0 }, '#text': 400 },
        TimeCreated_attributes: { SystemTime: '2024-03-01T10:00:00Z' },
        Channel: 'Windows PowerShell',
        Computer: 'ws1',
      },
      EventData: {
        Data: { '#text': ['Available', 'None', 'NewEngineState=Available'] },
        Binary: null,
      },
      UserData: { EventXML: { '#attributes': { xmlns: 'urn:x' }, Param1: 'a', Param2: null } },
    },
  };
  const { events, problems } = await readWith(readJsonl, JSON.stringify(record));
  assert.deepEqual(problems, []);
  const [event] = events;
  assert.equal(event?.['EventID'], '400');
  assert.equal(event?.['Qualifiers'], '0');
  assert.equal(event?.['Name'], 'PowerShell');
  assert.deepEqual(event?.['Data'], ['Available', 'None', 'NewEngineState=Available']);
  assert.equal(event?.['Binary'], '');
  assert.equal(event?.['Param1'], 'a');
  assert.equal(event?.['Param2'], '');
  assert.equal(event?.['_time'], 1709287200);
});

test('Splunk search export: result fields, multivalue lists, fields from an XML _raw', async () => {
  const lines = [
    {
      preview: false,
      offset: 0,
      result: {
        _time: '2024-03-01T10:05:00.000+00:00',
        host: 'ws1',
        source: `XmlWinEventLog:${SYSMON}`,
        sourcetype: 'XmlWinEventLog',
        index: 'main',
        _raw: eventXml(IMAGE_LOAD),
        tag: ['a', 'b'],
        process_name: 'devtunnel.exe',
      },
    },
    {
      preview: false,
      lastrow: true,
      result: { _time: '1709287500.5', _raw: 'plain text', count: '3' },
    },
    { preview: false, messages: [{ type: 'ERROR', text: 'search failed' }] },
  ];
  const { events, problems } = await readWith(
    readJsonl,
    lines.map((l) => JSON.stringify(l)).join('\n'),
    { needRaw: true },
  );
  assert.equal(events.length, 2);
  const [first, second] = events;
  assert.deepEqual(first?.['tag'], ['a', 'b']);
  assert.equal(first?.['ImageLoaded'], IMAGE_LOAD.data.find(([n]) => n === 'ImageLoaded')?.[1]);
  assert.equal(first?.['EventCode'], '7');
  assert.equal(first?.['process_name'], 'devtunnel.exe');
  assert.equal(first?.['_time'], 1709287500);
  assert.equal(first?.['index'], 'wineventlog');
  assert.equal(first?.['_raw'], eventXml(IMAGE_LOAD));
  assert.equal(second?.['_time'], 1709287500.5);
  assert.equal(second?.['_raw'], 'plain text');
  assert.equal(second?.['sourcetype'], '_json');
  assert.equal(second?.['source'], 'test.input');
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [['ING204', 'line 3']],
  );
});

test('_raw of a JSON line is the line itself, only when asked for', async () => {
  const line = JSON.stringify(MORDOR);
  const without = await readWith(readJsonl, `${line}\r\n`);
  assert.equal(Object.hasOwn(without.events[0] ?? {}, '_raw'), false);
  const withRaw = await readWith(readJsonl, `${line}\r\n`, { needRaw: true });
  assert.equal(withRaw.events[0]?.['_raw'], line);
});

test('bad lines are skipped with their line number; blank lines are not records', async () => {
  const good = JSON.stringify(MORDOR);
  const text = [
    good,
    '',
    '{"broken": ',
    '[1,2]',
    '"text"',
    good,
    '{"a":1}{"b":2}',
    `${'['.repeat(200)}${']'.repeat(200)}`,
    `{"deep": ${'['.repeat(200)}${']'.repeat(200)}}`,
    good,
  ].join('\n');
  const { events, problems } = await readWith(readJsonl, text, { chunkSize: 13 });
  assert.equal(events.filter((e) => e['EventID'] === '4688').length, 3);
  assert.equal(events.length, 5);
  assert.deepEqual(
    problems.filter((p) => p.code !== 'ING401').map((p) => [p.code, p.location]),
    [
      ['ING201', 'line 3'],
      ['ING202', 'line 4'],
      ['ING202', 'line 5'],
      ['ING202', 'line 8'],
      ['ING206', 'line 9'],
    ],
  );
});

test('a stream of objects: array wrapper, Record lines, garbage between, truncated end', async () => {
  const one = JSON.stringify(MORDOR, null, 1);
  const text = `[\n${one},\n${one}\n]\nRecord 3\n${one}\nnot json\n${one}\n${one.slice(0, 30)}`;
  const { events, problems } = await readWith(readJsonl, text, { chunkSize: 31 });
  assert.equal(events.length, 4);
  const lineOf = (needle: string) => text.slice(0, text.lastIndexOf(needle)).split('\n').length;
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [
      ['ING201', `line ${lineOf('not json')}`],
      ['ING207', `line ${lineOf(one.slice(0, 30))}`],
    ],
  );
});

test("a line without a time field is read correctly, takes the previous line's time, and is not damage", async () => {
  const text = [
    JSON.stringify({ '@timestamp': '2024-03-01T10:00:00Z', n: '1' }),
    JSON.stringify({ n: '2' }),
  ].join('\n');
  const { events, problems } = await readWith(readJsonl, text);
  assert.equal(events[1]?.['_time'], events[0]?.['_time']);
  assert.equal(events[1]?.['n'], '2');
  assert.deepEqual(problems, []);
});
