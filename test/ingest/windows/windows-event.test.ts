import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseSystemTime,
  type WindowsEventParts,
  windowsDataField,
  windowsEventOfItems,
  windowsEventToEvent,
} from '../../../src/ingest/windows/windows-event.ts';

test('parseSystemTime keeps microseconds of 7- and 9-digit fractions', () => {
  assert.equal(parseSystemTime('2021-09-22T13:18:31.589696800Z'), 1632316711.589696);
  assert.equal(parseSystemTime('2021-09-22T13:18:31.5896968Z'), 1632316711.589696);
  assert.equal(parseSystemTime('2021-09-22 13:18:31'), 1632316711);
  assert.ok(Number.isNaN(parseSystemTime('yesterday')));
});

test('windowsEventToEvent maps System, named and unnamed Data, and Splunk metadata', () => {
  const event = windowsEventToEvent(
    {
      system: {
        providerName: 'Microsoft-Windows-Sysmon',
        eventId: '1',
        channel: 'Microsoft-Windows-Sysmon/Operational',
        computer: 'ws1',
        systemTime: '2024-01-01T00:00:00.5Z',
      },
      data: [
        { name: 'Image', value: 'C:\\code.exe' },
        { name: undefined, value: 'a' },
        { name: undefined, value: 'b' },
      ],
    },
    { index: 'wineventlog' },
  );
  assert.equal(event['EventID'], '1');
  assert.equal(event['EventCode'], '1');
  assert.equal(event['Name'], 'Microsoft-Windows-Sysmon');
  assert.equal(event['Image'], 'C:\\code.exe');
  assert.deepEqual(event['Data'], ['a', 'b']);
  assert.equal(event['host'], 'ws1');
  assert.equal(event['source'], 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
  assert.equal(event['sourcetype'], 'XmlWinEventLog');
  assert.equal(event['_time'], 1704067200.5);
});

test('System fields are written under exactly the documented names, in order', async () => {
  const { SYSTEM_FIELD_NAMES } = await import('../../../src/ingest/windows/windows-event.ts');
  const system = Object.fromEntries(SYSTEM_FIELD_NAMES.map(([key]) => [key, `v-${key}`]));
  const event = windowsEventToEvent(
    { system: { ...system, systemTime: '2024-01-01T00:00:00Z' }, data: [] },
    { index: 'i' },
  );
  const fields = Object.keys(event).filter(
    (k) => !['_time', 'index', 'host', 'source', 'sourcetype'].includes(k),
  );
  assert.deepEqual(
    fields,
    SYSTEM_FIELD_NAMES.map(([, field]) => field),
  );
});

test('missing time: onMissingTime is called and _time is 0', () => {
  let called = 0;
  const event = windowsEventToEvent(
    { system: { systemTime: 'not a time' }, data: [] },
    { index: 'i', onMissingTime: () => called++ },
  );
  assert.equal(event['_time'], 0);
  assert.equal(called, 1);
  assert.equal(event['host'], 'unknown');
  assert.equal(event['source'], 'XmlWinEventLog:unknown');
});

test('windowsEventOfItems builds what windowsEventToEvent builds, field order included', () => {
  const cases: readonly WindowsEventParts[] = [
    {
      system: { providerName: 'P', eventId: '1', systemTime: '2024-01-01T00:00:00.5Z' },
      data: [
        { name: 'Image', value: 'C:\\a.exe' },
        { name: undefined, value: 'a' },
        { name: 'Name', value: 'repeats a System field' },
        { name: undefined, value: 'b' },
        { name: 'host', value: 'renamed: Splunk metadata' },
        { name: 'Message', value: 'a Data item' },
        { name: '0', value: 'an index-like name' },
      ],
      renderedMessage: 'the rendered message',
    },
    {
      // No SystemTime: Sysmon's UtcTime gives the time.
      system: { eventId: '11', channel: 'Microsoft-Windows-Sysmon/Operational', computer: 'ws' },
      data: [
        { name: 'UtcTime', value: '2024-01-01 00:00:01.250' },
        { name: 'UtcTime', value: '2030-01-01 00:00:00' },
      ],
    },
    { system: { eventId: '4624' }, data: [{ name: '__proto__', value: 'refused by literals' }] },
  ];
  for (const parts of cases) {
    const meta = { index: 'main', raw: '<Event/>' };
    const expected = windowsEventToEvent(parts, meta);
    const event = windowsEventOfItems(
      parts.system,
      parts.data.map((d) => windowsDataField(d.name)),
      parts.data.map((d) => d.value),
      meta,
      parts.renderedMessage,
    );
    assert.deepEqual(Object.entries(event), Object.entries(expected));
    assert.equal(Object.getPrototypeOf(event), Object.prototype);
  }
  let missing = 0;
  const untimed = windowsEventOfItems(
    { eventId: '1' },
    [],
    [],
    { index: 'main', onMissingTime: () => missing++ },
    undefined,
  );
  assert.equal(untimed['_time'], 0);
  assert.equal(missing, 1);
});
