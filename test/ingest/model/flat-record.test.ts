import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIELD_ALIASES } from '../../../src/ingest/model/field-aliases.ts';
import {
  applyAliases,
  type FlatRecordContext,
  flatRecordToEvent,
} from '../../../src/ingest/model/flat-record.ts';
import {
  addJsonField,
  flattenJsonObject,
  JsonTooDeepError,
  type JsonValue,
} from '../../../src/ingest/model/json-fields.ts';
import { UntimedRecords } from '../../../src/ingest/model/untimed-records.ts';

function context(overrides: Partial<FlatRecordContext> = {}): FlatRecordContext {
  return {
    options: { index: 'wineventlog', needRaw: false, onProblem: () => {} },
    path: 'f.json',
    defaultSourcetype: '_json',
    rawText: () => 'RAW',
    untimed: new UntimedRecords('-', () => 1_700_000_000),
    ...overrides,
  };
}

test('aliases copy to absent targets only and keep the original field', () => {
  const event = { Hostname: 'WS1', Computer: 'already', SourceName: 'P', EventID: '1' };
  applyAliases(event, FIELD_ALIASES.flat);
  assert.deepEqual(event, {
    Hostname: 'WS1',
    Computer: 'already',
    SourceName: 'P',
    EventID: '1',
    Name: 'P',
    EventCode: '1',
  });
});

test('prefix aliases strip the prefix; multivalue lists are copied, not shared', () => {
  const event: Record<string, string | string[]> = {
    'winlog.event_data.A': ['1', '2'],
    'winlog.event_data.B': 'x',
  };
  applyAliases(event, FIELD_ALIASES.ecs);
  assert.deepEqual(event['A'], ['1', '2']);
  assert.notEqual(event['A'], event['winlog.event_data.A']);
  assert.equal(event['B'], 'x');
});

test("time fields are tried in order; a record without one takes the previous record's time", () => {
  const ctx = context();
  assert.equal(flatRecordToEvent({ TimeCreated: 'garbage' }, 'flat', ctx)['_time'], 1_700_000_000);
  assert.equal(
    flatRecordToEvent(
      { TimeCreated: '2024-01-01T00:00:00Z', UtcTime: '2023-01-01 00:00:00' },
      'flat',
      ctx,
    )['_time'],
    1704067200,
  );
  assert.equal(
    flatRecordToEvent({ UtcTime: '2023-01-01 00:00:00' }, 'flat', ctx)['_time'],
    1672531200,
  );
  assert.equal(flatRecordToEvent({ TimeCreated: 'garbage' }, 'flat', ctx)['_time'], 1672531200);
});

test("records without a time before any with one take the file's modification time", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-untimed-'));
  const file = path.join(dir, 'events.json');
  writeFileSync(file, '{}\n');
  utimesSync(file, 1_600_000_000, 1_600_000_000);
  const ctx = context({ path: file, untimed: new UntimedRecords(file) });
  assert.equal(flatRecordToEvent({ a: '1' }, 'flat', ctx)['_time'], 1_600_000_000);
  rmSync(dir, { recursive: true });
});

test('metadata: Windows records vs other data, record metadata kept, overrides win', () => {
  const windows = flatRecordToEvent(
    { Channel: 'Security', Hostname: 'WS1', _time: '1' },
    'flat',
    context(),
  );
  assert.deepEqual(
    [windows['host'], windows['source'], windows['sourcetype'], windows['index']],
    ['WS1', 'XmlWinEventLog:Security', 'XmlWinEventLog', 'wineventlog'],
  );
  const other = flatRecordToEvent({ a: '1', _time: '1' }, 'flat', context());
  assert.deepEqual(
    [other['host'], other['source'], other['sourcetype']],
    ['unknown', 'f.json', '_json'],
  );
  const exported = flatRecordToEvent(
    { host: 'h', source: 's', sourcetype: 'st', index: 'main', _time: '1' },
    'flat',
    context(),
  );
  assert.deepEqual(
    [exported['host'], exported['source'], exported['sourcetype'], exported['index']],
    ['h', 's', 'st', 'wineventlog'],
  );
  const overridden = flatRecordToEvent(
    { Channel: 'Security', _time: '1' },
    'flat',
    context({
      options: { index: 'x', needRaw: true, source: 'S', sourcetype: 'T', onProblem: () => {} },
    }),
  );
  assert.deepEqual(
    [overridden['source'], overridden['sourcetype'], overridden['index'], overridden['_raw']],
    ['S', 'T', 'x', 'RAW'],
  );
});

test('JSON values flatten as spath names them; nesting past the limit is refused', () => {
  const event = flattenJsonObject(
    JSON.parse('{"a":{"b":1,"c":[true,null,{"d":"x"}]},"e":[],"f":1.5}'),
  );
  assert.deepEqual(event, { f: '1.5', 'a.b': '1', 'a.c{}': 'true', 'a.c{}.d': 'x' });
  let deep: JsonValue = 'leaf';
  for (let i = 0; i < 150; i++) deep = [deep];
  assert.throws(() => addJsonField({}, 'x', deep), JsonTooDeepError);
});
