// An HEC event holding Windows XML becomes exactly the event the XmlWinEventLog reader reads from
// the same text; a JSON object is flattened as the JSON-lines reader flattens it; metadata comes
// from the envelope, the request, the event itself, the token, then Splunk's defaults.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { readJsonl } from '../../../src/ingest/jsonl/read-jsonl.ts';
import { readXml } from '../../../src/ingest/xml/read-xml.ts';
import { rawBodyEvents, splitEventBody } from '../../../src/server/ingest/hec/hec-body.ts';
import { HecError } from '../../../src/server/ingest/hec/hec-codes.ts';
import { hecEnvelopeToEvent } from '../../../src/server/ingest/hec/hec-event.ts';
import type { HecEventContext } from '../../../src/server/ingest/hec/hec-metadata.ts';
import { readWith } from '../../ingest/helpers/read-text.ts';
import { eventXml, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';

const context = (overrides: Partial<HecEventContext> = {}): HecEventContext => ({
  request: {},
  token: {},
  defaultSource: 'http:default',
  defaultHost: 'spelunk-host',
  now: 1_800_000_000,
  checkIndex: (index, position) => {
    if (!['main', 'wineventlog', 'app'].includes(index))
      throw new HecError('incorrectIndex', { invalidEvent: position });
  },
  ...overrides,
});

/** A file's reader adds where each record was (`_line`); an HEC event has no file. */
function withoutLine(event: Event): Event {
  const { _line: _, ...rest } = event;
  return rest;
}

test('Windows XML in an HEC event reads exactly as the XmlWinEventLog reader reads it', async () => {
  const xml = eventXml(PROCESS_CREATE);
  const fromFile = withoutLine(
    (await readWith(readXml, `${xml}\n`, { needRaw: true })).events[0] as Event,
  );
  const fromHec = hecEnvelopeToEvent({ event: xml }, 0, context());
  assert.deepEqual(fromHec, fromFile);
  const raw = rawBodyEvents(
    `${xml}\n${xml}\n`,
    context({ request: { sourcetype: 'XmlWinEventLog' } }),
  );
  assert.deepEqual(raw.map(withoutLine), [fromFile, fromFile]);
});

test('a JSON event is flattened as the JSON-lines reader flattens it', async () => {
  const record = {
    '@timestamp': '2024-05-01T08:00:00.000Z',
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      computer_name: 'ws01',
      event_id: 1,
      event_data: { Image: 'C:\\\\code.exe', CommandLine: 'code tunnel' },
    },
  };
  const line = JSON.stringify(record);
  const fromFile = withoutLine(
    (await readWith(readJsonl, `${line}\n`, { needRaw: true })).events[0] as Event,
  );
  const fromHec = hecEnvelopeToEvent({ event: record }, 0, context());
  assert.deepEqual({ ...fromHec }, fromFile);
});

test('metadata precedence and time', () => {
  const plain = hecEnvelopeToEvent(
    { event: 'hello', time: '1714550400.5', fields: { team: ['a', 'b'] } },
    0,
    context({ token: { index: 'app', sourcetype: 'tok' } }),
  );
  assert.deepEqual(plain, {
    _raw: 'hello',
    team: ['a', 'b'],
    _time: 1714550400.5,
    index: 'app',
    host: 'spelunk-host',
    source: 'http:default',
    sourcetype: 'tok',
  });
  const xml = hecEnvelopeToEvent(
    { event: eventXml(PROCESS_CREATE), host: 'given' },
    0,
    context({ request: { source: 'q' } }),
  );
  assert.equal(xml['host'], 'given');
  assert.equal(xml['source'], 'q');
  assert.equal(xml['index'], 'wineventlog');
  assert.equal(xml['sourcetype'], 'XmlWinEventLog');
});

test('bodies: concatenated objects; errors carry Splunk codes and the event number', () => {
  // Multibyte text and an escaped quote before a brace inside a string: bytes find the same objects.
  assert.deepEqual(splitEventBody(Buffer.from('{"event":1}{"event":"é\\"}"}\n {"event":3}')), [
    { event: 1 },
    { event: 'é"}' },
    { event: 3 },
  ]);
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return [(error as HecError).code, (error as HecError).body['invalid-event-number']];
    }
    return undefined;
  };
  assert.deepEqual(
    code(() => splitEventBody(Buffer.from(''))),
    [5, undefined],
  );
  assert.deepEqual(
    code(() => splitEventBody(Buffer.from('[{"event":1}]'))),
    [6, 0],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ event: 'x', index: 'nope' }, 2, context())),
    [7, 2],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ event: 'x', time: 'later' }, 1, context())),
    [6, 1],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ host: 'x' }, 0, context())),
    [12, 0],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ event: {} }, 0, context())),
    [13, 0],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ event: 'x', fields: { _raw: 'y' } }, 0, context())),
    [15, 0],
  );
  assert.deepEqual(
    code(() => hecEnvelopeToEvent({ event: '<Event><System>' }, 0, context())),
    [6, 0],
  );
  assert.deepEqual(
    code(() => rawBodyEvents('<Event><System></Event>\n', context())),
    [6, 0],
  );
});
