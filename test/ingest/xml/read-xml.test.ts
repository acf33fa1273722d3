import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readXml } from '../../../src/ingest/xml/read-xml.ts';
import { readWith } from '../helpers/read-text.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from '../helpers/windows-xml.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

/** A minimal event with the given EventData markup (and System in single quotes). */
function withData(eventData: string, extra = ''): string {
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='P'/><EventID>4</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/><Channel>C</Channel><Computer>h</Computer></System>${eventData}${extra}</Event>`;
}

test('XmlWinEventLog, one event per line and concatenated, reads every System and Data field', async () => {
  for (const separator of ['\n', '\r\n', '']) {
    const text = [eventXml(PROCESS_CREATE), eventXml(IMAGE_LOAD)].join(separator);
    const { events, problems } = await readWith(readXml, text);
    assert.deepEqual(problems, []);
    assert.equal(events.length, 2, JSON.stringify(separator));
    const [first, second] = events;
    assert.equal(first?.['EventID'], '1');
    assert.equal(first?.['EventCode'], '1');
    assert.equal(first?.['Name'], 'Microsoft-Windows-Sysmon');
    assert.equal(first?.['Guid'], '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}');
    assert.equal(first?.['Channel'], SYSMON);
    assert.equal(first?.['Computer'], 'ws1.corp.example');
    assert.equal(first?.['ProcessID'], '3000');
    assert.equal(first?.['ThreadID'], '4000');
    assert.equal(first?.['UserID'], 'S-1-5-18');
    assert.equal(first?.['Keywords'], '0x8000000000000000');
    assert.equal(first?.['SystemTime'], '2024-03-01T10:00:00.1234567Z');
    assert.equal(first?.['_time'], 1709287200.123456);
    assert.equal(
      first?.['CommandLine'],
      '"Code.exe" tunnel --accept-server-license-terms --name dev-box',
    );
    assert.equal(first?.['host'], 'ws1.corp.example');
    assert.equal(first?.['source'], `XmlWinEventLog:${SYSMON}`);
    assert.equal(first?.['sourcetype'], 'XmlWinEventLog');
    assert.equal(first?.['index'], 'wineventlog');
    assert.equal(
      second?.['ImageLoaded'],
      'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\abc\\devtunnel.dll',
    );
  }
});

test('rendered documents: <Events> wrapper, XML declaration, evtxexport banner, evtx_dump Record lines', async () => {
  const pretty = [eventXml(PROCESS_CREATE, 'pretty'), eventXml(IMAGE_LOAD, 'pretty')];
  const documents = [
    `<?xml version="1.0" encoding="utf-8"?>\n<Events>\n${pretty.join('\n')}\n</Events>\n`,
    `evtxexport 20181227\n\n${pretty.join('\n\n')}\n\n`,
    `Record 1\n<?xml version="1.0" encoding="utf-8"?>\n${pretty[0]}\nRecord 2\n<?xml version="1.0" encoding="utf-8"?>\n${pretty[1]}\n`,
    `<!-- wevtutil qe /e:Events -->${pretty.join('')}`,
  ];
  for (const document of documents) {
    const { events, problems } = await readWith(readXml, document);
    assert.deepEqual(problems, [], document.slice(0, 40));
    assert.deepEqual(
      events.map((e) => e['EventID']),
      ['1', '7'],
    );
    assert.equal(events[0]?.['User'], 'CORP\\dev');
  }
});

test('XML traps: namespaces, CDATA, entities, character references, quotes, empty and unnamed Data', async () => {
  const cases: readonly (readonly [string, string, Record<string, unknown>])[] = [
    [
      'prefixed elements',
      `<e:Event xmlns:e='http://schemas.microsoft.com/win/2004/08/events/event'><e:System><e:EventID>9</e:EventID><e:TimeCreated e:SystemTime='2024-01-01T00:00:00Z'/><e:Channel>C</e:Channel></e:System><e:EventData><e:Data Name='X'>v</e:Data></e:EventData></e:Event>`,
      { EventID: '9', X: 'v' },
    ],
    [
      'CDATA',
      withData(
        `<EventData><Data Name='Script'><![CDATA[if (a < b && c) { "<x>" }]]></Data></EventData>`,
      ),
      { Script: 'if (a < b && c) { "<x>" }' },
    ],
    [
      'CDATA between text',
      withData(`<EventData><Data Name='S'>a<![CDATA[<b>]]>c</Data></EventData>`),
      { S: 'a<b>c' },
    ],
    [
      'entities',
      withData(`<EventData><Data Name='C'>&lt;&gt;&amp;&quot;&apos;</Data></EventData>`),
      { C: `<>&"'` },
    ],
    [
      'character references',
      withData(`<EventData><Data Name='C'>&#174;&#xAE;&#x1F600;&#13;&#10;</Data></EventData>`),
      { C: '®®😀\r\n' },
    ],
    [
      'double-quoted attributes',
      withData(`<EventData><Data Name="A">1</Data></EventData>`),
      { A: '1' },
    ],
    [
      'entity in attribute',
      withData(`<EventData><Data Name='a&amp;b'>1</Data></EventData>`),
      { 'a&b': '1' },
    ],
    ['empty Data', withData(`<EventData><Data Name='E'></Data></EventData>`), { E: '' }],
    ['self-closing Data', withData(`<EventData><Data Name='E'/></EventData>`), { E: '' }],
    [
      'unnamed Data',
      withData(`<EventData><Data>one</Data><Data>two</Data><Data/></EventData>`),
      { Data: ['one', 'two', ''] },
    ],
    [
      'repeated Data name',
      withData(`<EventData><Data Name='R'>1</Data><Data Name='R'>2</Data></EventData>`),
      { R: ['1', '2'] },
    ],
    [
      'Data named like a System field',
      withData(`<EventData><Data Name='Channel'>x</Data></EventData>`),
      { Channel: ['C', 'x'] },
    ],
    [
      'Data named like Splunk metadata',
      withData(`<EventData><Data Name='host'>x</Data></EventData>`),
      { host: 'h', EventData_host: 'x' },
    ],
    [
      'Data named __proto__',
      withData(`<EventData><Data Name='__proto__'>x</Data></EventData>`),
      { ['__proto__']: 'x' },
    ],
    [
      'whitespace and CRLF in values kept',
      withData(`<EventData><Data Name='W'> a\r\n b </Data></EventData>`),
      { W: ' a\r\n b ' },
    ],
    [
      'Binary',
      withData(`<EventData><Data Name='A'>1</Data><Binary>0A0B</Binary></EventData>`),
      { Binary: '0A0B' },
    ],
    [
      'UserData leaves',
      withData(
        `<UserData><LogFileCleared xmlns='urn:x'><SubjectUserName>bob</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName><Empty/></LogFileCleared></UserData>`,
      ),
      { SubjectUserName: 'bob', SubjectDomainName: 'CORP', Empty: '' },
    ],
    [
      'RenderingInfo message',
      withData(
        '',
        `<RenderingInfo Culture='en-US'><Message>Process Create</Message><Level>Information</Level></RenderingInfo>`,
      ),
      { Message: 'Process Create' },
    ],
    [
      'python-evtx string arrays',
      withData(`<EventData><Data><string>a</string><string>b</string></Data></EventData>`),
      { Data: ['a', 'b'] },
    ],
    [
      'comments and processing instructions inside',
      withData(`<EventData><!-- c --><?pi x?><Data Name='A'>1</Data></EventData>`),
      { A: '1' },
    ],
    [
      'Qualifiers, EventSourceName, Correlation',
      `<Event><System><Provider Name='Service Control Manager' EventSourceName='Service Control Manager'/><EventID Qualifiers='16384'>7036</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/><Correlation ActivityID='{A}' RelatedActivityID='{B}'/><Channel>System</Channel></System></Event>`,
      {
        Qualifiers: '16384',
        EventID: '7036',
        EventSourceName: 'Service Control Manager',
        ActivityID: '{A}',
        RelatedActivityID: '{B}',
      },
    ],
  ];
  for (const [name, xml, expected] of cases) {
    const { events, problems } = await readWith(readXml, xml);
    assert.deepEqual(problems, [], name);
    assert.equal(events.length, 1, name);
    for (const [field, value] of Object.entries(expected)) {
      assert.ok(Object.hasOwn(events[0] ?? {}, field), `${name}: ${field} missing`);
      assert.deepEqual(events[0]?.[field], value, `${name}: ${field}`);
    }
  }
});

test('UTF-8 byte-order mark and UTF-16 documents (Event Viewer saves UTF-16)', async () => {
  const xml = `<?xml version="1.0" encoding="utf-16"?><Events>${eventXml(PROCESS_CREATE)}</Events>`;
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
  for (const bytes of [utf8, utf16]) {
    const { events, problems } = await readWith(readXml, bytes, { chunkSize: 333 });
    assert.deepEqual(problems, []);
    assert.equal(
      events[0]?.['Image'],
      'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
    );
  }
});

test('chunk boundaries anywhere give the same events as one chunk', async () => {
  const text = [
    eventXml(PROCESS_CREATE),
    eventXml(IMAGE_LOAD, 'pretty'),
    eventXml({ ...PROCESS_CREATE, data: [['Product', 'Microsoft® Windows®']] }),
  ].join('\r\n');
  const whole = await readWith(readXml, text);
  for (const chunkSize of [1, 2, 3, 7, 64, 1000]) {
    const split = await readWith(readXml, text, { chunkSize });
    assert.deepEqual(split.problems, []);
    assert.deepEqual(split.events, whole.events, `chunk size ${chunkSize}`);
  }
});

test('_raw is the record text as written, only when asked for', async () => {
  const one = eventXml(PROCESS_CREATE, 'pretty');
  const text = `<Events>\n${one}\n</Events>`;
  const without = await readWith(readXml, text);
  assert.equal(Object.hasOwn(without.events[0] ?? {}, '_raw'), false);
  const withRaw = await readWith(readXml, text, { needRaw: true, chunkSize: 10 });
  assert.equal(withRaw.events[0]?.['_raw'], one);
});

test('index, source and sourcetype overrides', async () => {
  const { events } = await readWith(readXml, eventXml(PROCESS_CREATE), {
    index: 'main',
    source: 'XmlWinEventLog:Replay',
    sourcetype: 'xmlwineventlog',
  });
  assert.equal(events[0]?.['index'], 'main');
  assert.equal(events[0]?.['source'], 'XmlWinEventLog:Replay');
  assert.equal(events[0]?.['sourcetype'], 'xmlwineventlog');
});

test('_time falls back to Sysmon UtcTime, else 0 with a damaged-record problem', async () => {
  const noSystemTime = `<Event><System><EventID>1</EventID><Channel>C</Channel></System><EventData><Data Name='UtcTime'>2024-03-01 10:00:00.250</Data></EventData></Event>`;
  const noTime = `<Event><System><EventID>1</EventID><Channel>C</Channel></System></Event>`;
  const result = await readWith(readXml, `${noSystemTime}\n${noTime}\n`);
  assert.equal(result.events[0]?.['_time'], 1709287200.25);
  assert.equal(result.events[1]?.['_time'], 0);
  assert.deepEqual(
    result.problems.map((p) => [p.code, p.location, p.kind]),
    [['ING401', 'line 2, column 1', 'damaged']],
  );
});

test('malformed records are skipped with their line and column; the rest is read', async () => {
  const good = eventXml(PROCESS_CREATE);
  const cases: readonly (readonly [string, string, string])[] = [
    ['mismatched tag', withData(`<EventData><Data Name='A'>1</Dta></EventData>`), 'ING101'],
    ['unquoted attribute', withData(`<EventData><Data Name=A>1</Data></EventData>`), 'ING101'],
    ['unknown entity', withData(`<EventData><Data Name='A'>&nbsp;</Data></EventData>`), 'ING101'],
    [
      'bad character reference',
      withData(`<EventData><Data Name='A'>&#x110000;</Data></EventData>`),
      'ING101',
    ],
    [
      'duplicate attribute',
      withData(`<EventData><Data Name='A' Name='B'>1</Data></EventData>`),
      'ING101',
    ],
    ['< in attribute', withData(`<EventData><Data Name='<'>1</Data></EventData>`), 'ING101'],
    ['no System', `<Event><EventData><Data Name='A'>1</Data></EventData></Event>`, 'ING106'],
    ['DTD inside an event', withData(`<!DOCTYPE x [<!ENTITY a "b">]><EventData/>`), 'ING105'],
  ];
  for (const [name, bad, code] of cases) {
    const { events, problems } = await readWith(readXml, `${good}\n${bad}\n${good}\n`);
    assert.equal(events.length, 2, name);
    assert.equal(problems.length, 1, name);
    assert.equal(problems[0]?.code, code, name);
    assert.equal(problems[0]?.kind, 'skipped', name);
    assert.match(problems[0]?.location ?? '', /^line 2, column \d+$/, name);
  }
});

test('the exact column of a malformed tag', async () => {
  const { problems } = await readWith(
    readXml,
    `\n  <Event><System><EventID>1</EventID></System><EventData><Data Name='A'>1</Data></EventDta></Event>`,
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [['ING101', 'line 2, column 81']],
  );
});

test('text and elements outside events, a top-level DOCTYPE, and a truncated last record', async () => {
  const good = eventXml(PROCESS_CREATE);
  const text = `garbage line\n${good}\n<Other>x</Other>\n${good}\n<!DOCTYPE Events>\n${good}\n${good.slice(0, 200)}`;
  const { events, problems } = await readWith(readXml, text, { chunkSize: 50 });
  assert.equal(events.length, 3);
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [
      ['ING103', 'line 1, column 1'],
      ['ING103', 'line 3, column 1'],
      ['ING105', 'line 5, column 1'],
      ['ING102', 'line 7, column 1'],
    ],
  );
});

test('elements nested too deep are refused, not recursed into', async () => {
  const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
  const { events, problems } = await readWith(readXml, withData(`<EventData>${deep}</EventData>`));
  assert.equal(events.length, 0);
  assert.equal(problems[0]?.code, 'ING101');
  assert.match(problems[0]?.message ?? '', /deeper than 64/);
});

test('the one-step plain forms and the checked tag-by-tag path give the same events', async () => {
  for (const style of ['splunk', 'pretty'] as const) {
    const plain = [eventXml(PROCESS_CREATE, style), eventXml(IMAGE_LOAD, style)].join('\n');
    // A comment after <System> and a space before `>` of each <Data> defeat the plain forms.
    const checked = plain
      .replace(/<System>/g, '<System><!-- -->')
      .replace(/(<Data Name=(['"])[^'"]*\2)>/g, '$1 >');
    assert.notEqual(checked, plain);
    const fast = await readWith(readXml, plain);
    const slow = await readWith(readXml, checked);
    assert.deepEqual(slow.problems, []);
    assert.deepEqual(slow.events, fast.events, style);
  }
});
