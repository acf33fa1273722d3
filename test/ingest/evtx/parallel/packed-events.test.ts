// Worker replies: a chunk of events packed into transferable buffers unpacks to the same events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../../src/core/event.ts';
import type { EventChunk } from '../../../../src/ingest/evtx/decoded.ts';
import {
  packEvents,
  transferableEvents,
  unpackEvents,
} from '../../../../src/ingest/evtx/parallel/packed-events.ts';

function withProto(): Event {
  const event: Event = { a: '1' };
  Object.defineProperty(event, '__proto__', {
    value: 'own field',
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return event;
}

const CHUNK: EventChunk = {
  index: 7,
  problems: [{ code: 'EVTX302', kind: 'skipped', location: 'chunk 7 @0x71000', message: 'x' }],
  untimed: [{ recordId: 12, offset: 0x71200 }],
  records: [
    {
      Name: 'Provider',
      EventID: ['4624', 'also data'],
      _time: 1704164645.001234,
      index: 'wineventlog',
      Data: ['', 'ü 😀', 'line 1\r\nline 2'],
      Empty: '',
      Gone: undefined,
      '10': 'integer-like name',
    },
    { _time: 0, host: 'unknown', Mixed: ['a', 2] },
    withProto(),
    {},
  ],
};

test('packed events unpack to the same events, field order, multivalues and all', () => {
  const packed = packEvents(CHUNK);
  const back = unpackEvents(packed);
  assert.deepEqual(back, CHUNK);
  back.records.forEach((event, i) => {
    assert.deepEqual(Object.keys(event), Object.keys(CHUNK.records[i] as Event));
  });
  assert.equal(Object.getPrototypeOf(back.records[2]), Object.prototype);
  // An own field named __proto__ (legal in event data), not the prototype accessor.
  assert.equal(Object.getOwnPropertyDescriptor(back.records[2], '__proto__')?.value, 'own field');
});

test('the packed buffers are their own, so they can be transferred', () => {
  const packed = packEvents(CHUNK);
  const buffers = transferableEvents(packed);
  assert.equal(new Set(buffers).size, 4);
  for (const buffer of buffers) assert.ok(buffer instanceof ArrayBuffer);
  const copy = structuredClone(packed, { transfer: buffers });
  assert.deepEqual(unpackEvents(copy), CHUNK);
});

test('events are grouped by field list: same names in another order, long and very long lists', () => {
  const long = (count: number, value: string): Event =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`F${i}`, `${value}${i}`]));
  const chunk: EventChunk = {
    index: 1,
    problems: [],
    untimed: [],
    records: [
      { a: '1', b: '2' },
      { b: '3', a: '4' },
      { a: '5', b: ['6', '7'] },
      long(200, 'x'),
      long(2000, 'y'),
      long(200, 'z'),
      { a: '8', b: '9' },
    ],
  };
  const packed = packEvents(chunk);
  assert.equal(packed.shapes.length, 4, 'a,b / b,a / 200 fields / 2000 fields');
  const back = unpackEvents(packed);
  assert.deepEqual(back, chunk);
  back.records.forEach((event, i) => {
    assert.deepEqual(Object.keys(event), Object.keys(chunk.records[i] as Event));
  });
});
