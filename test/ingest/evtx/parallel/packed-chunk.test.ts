// Worker replies: a decoded chunk packed into transferable buffers unpacks to the same chunk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecodedChunk } from '../../../../src/ingest/evtx/decoded.ts';
import {
  packChunk,
  transferables,
  unpackChunk,
} from '../../../../src/ingest/evtx/parallel/packed-chunk.ts';

const CHUNK: DecodedChunk = {
  index: 3,
  problems: [
    { code: 'EVTX203', kind: 'damaged', location: 'chunk 3 @0x31000', message: 'checksum' },
  ],
  records: [
    {
      recordId: 9007199254740991,
      offset: 0x31200,
      recovered: false,
      xml: "<Event><Data Name='x'>ü 😀</Data></Event>",
      parts: {
        system: { eventId: '4688', computer: 'dc1', userId: 'S-1-5-18' },
        data: [
          { name: 'x', value: 'ü 😀' },
          { name: undefined, value: '' },
          { name: 'Binary', value: '00FF' },
        ],
        renderedMessage: 'line 1\r\nline 2',
      },
    },
    {
      recordId: 2,
      offset: 0x31400,
      recovered: true,
      xml: undefined,
      parts: { system: {}, data: [] },
    },
    { recordId: 3, offset: 0x31600, recovered: false, xml: '<E/>', parts: undefined },
  ],
};

test('a packed chunk unpacks to the same records, problems and order', () => {
  const packed = packChunk(CHUNK);
  assert.deepEqual(unpackChunk(packed), CHUNK);
});

test('the packed buffers are whole ArrayBuffers of their own, safe to transfer', () => {
  const packed = packChunk(CHUNK);
  const buffers = transferables(packed);
  assert.equal(new Set(buffers).size, buffers.length);
  assert.equal(packed.text.byteOffset, 0);
  assert.equal(packed.text.buffer.byteLength, packed.text.byteLength);
  const copy = structuredClone(packed, { transfer: buffers });
  assert.deepEqual(unpackChunk(copy), CHUNK);
});
