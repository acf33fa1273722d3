import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsv } from '../../../src/ingest/csv/read-csv.ts';
import { readWith } from '../helpers/read-text.ts';
import { eventXml, IMAGE_LOAD } from '../helpers/windows-xml.ts';

test('rows become flat records: aliases, empty cells absent, quoted cells, Windows metadata', async () => {
  const csv = [
    'TimeCreated,EventID,Hostname,Channel,CommandLine,Empty',
    '2024-03-01T10:00:00Z,1,WS1,Microsoft-Windows-Sysmon/Operational,"code.exe tunnel ""--name"" x, y",',
    '2024-03-01T10:00:01Z,4688,WS2,Security,"multi\r\nline",',
  ].join('\r\n');
  const { events, problems } = await readWith(readCsv, csv);
  assert.deepEqual(problems, []);
  assert.equal(events.length, 2);
  assert.equal(events[0]?.['CommandLine'], 'code.exe tunnel "--name" x, y');
  assert.equal(events[0]?.['EventCode'], '1');
  assert.equal(events[0]?.['Computer'], 'WS1');
  assert.equal(events[0]?.['source'], 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
  assert.equal(Object.hasOwn(events[0] ?? {}, 'Empty'), false);
  assert.equal(events[1]?.['CommandLine'], 'multi\r\nline');
  assert.equal(events[1]?.['_time'], 1709287201);
});

test('Splunk CSV export: _time, metadata and fields of an XML _raw; other data keeps Splunk defaults', async () => {
  const raw = eventXml(IMAGE_LOAD).replace(/"/g, '""');
  const csv = `_time,host,source,sourcetype,_raw\n2024-03-01T10:05:00.000+00:00,ws1,XmlWinEventLog:Microsoft-Windows-Sysmon/Operational,XmlWinEventLog,"${raw}"\n`;
  const { events } = await readWith(readCsv, csv, { needRaw: true });
  assert.equal(events[0]?.['EventCode'], '7');
  assert.equal(events[0]?.['ImageLoaded'], IMAGE_LOAD.data.find(([n]) => n === 'ImageLoaded')?.[1]);
  assert.equal(events[0]?.['_raw'], eventXml(IMAGE_LOAD));
  const other = await readWith(readCsv, 'a,b\n1,2\n', { needRaw: true, path: 'data.csv' });
  assert.equal(other.events[0]?.['sourcetype'], 'csv');
  assert.equal(other.events[0]?.['source'], 'data.csv');
  assert.equal(other.events[0]?.['_raw'], '1,2');
  // No time column and no file to take a modification time from: the time it was read, as
  // Splunk gives it; read correctly, so not reported as damage.
  const time = other.events[0]?.['_time'];
  assert.ok(typeof time === 'number' && Math.abs(time - Date.now() / 1000) < 600);
  assert.deepEqual(other.problems, []);
});

test('columns sharing a name make a multivalue field; unnamed columns get a name', async () => {
  const { events } = await readWith(readCsv, 'Data,Data,,_time\nx,y,z,1709287200\n');
  assert.deepEqual(events[0]?.['Data'], ['x', 'y']);
  assert.equal(events[0]?.['column3'], 'z');
});

test('rows with the wrong number of cells are skipped with their line; the rest is read', async () => {
  const { events, problems } = await readWith(readCsv, '_time,a\n1,x\n2,y,extra\n3,z\n', {
    chunkSize: 5,
  });
  assert.deepEqual(
    events.map((e) => e['a']),
    ['x', 'z'],
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.location, p.kind]),
    [['ING301', 'line 3', 'skipped']],
  );
});

test('an unterminated quote stops the file with a report, keeping the rows before it', async () => {
  const { events, problems } = await readWith(readCsv, '_time,a\n1,x\n2,"never closed\n');
  assert.deepEqual(
    events.map((e) => e['a']),
    ['x'],
  );
  assert.equal(problems[0]?.code, 'ING301');
});

test('a row longer than the record limit is reported once and ends the file', async () => {
  const { MAX_RECORD_CHARS } = await import('../../../src/ingest/problem-codes.ts');
  const csv = `_time,a\n1,x\n2,${'y'.repeat(MAX_RECORD_CHARS + 10)}\n3,z\n4,w\n`;
  const { events, problems } = await readWith(readCsv, csv);
  assert.deepEqual(
    events.map((e) => e['a']),
    ['x'],
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [['ING302', 'line 3']],
  );
});

test('UTF-8 and UTF-16 byte-order marks', async () => {
  const csv = '_time,Image\n1709287200,C:\\Temp\\ü.exe\n';
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  for (const bytes of [utf8, utf16]) {
    const { events, problems } = await readWith(readCsv, bytes, { chunkSize: 7 });
    assert.deepEqual(problems, []);
    assert.equal(events[0]?.['Image'], 'C:\\Temp\\ü.exe');
    assert.equal(events[0]?.['_time'], 1709287200);
  }
});
