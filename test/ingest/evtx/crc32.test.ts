// CRC-32 over aligned words and unaligned bytes alike agrees with a bit-at-a-time reference,
// through zlib (where Node has it) and through the portable version.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, portableCrc32 } from '../../../src/ingest/evtx/crc32.ts';
import { crc32 as reference } from './writer/crc.ts';

const IMPLEMENTATIONS = [
  ['crc32 (zlib where Node has it)', crc32],
  ['portableCrc32', portableCrc32],
] as const;

for (const [name, checksum] of IMPLEMENTATIONS) {
  test(`${name}: every start alignment, length and chained range gives the reference CRC`, () => {
    const bytes = new Uint8Array(300);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    for (let start = 0; start < 9; start++) {
      for (const length of [0, 1, 3, 7, 8, 15, 16, 17, 31, 64, 100, 250]) {
        const end = start + length;
        assert.equal(
          checksum(bytes, start, end),
          reference(bytes, start, end),
          `${start}+${length}`,
        );
        // A view that starts at an odd offset of its buffer takes the byte-at-a-time route first.
        const view = bytes.subarray(1);
        assert.equal(
          checksum(view, start, end),
          reference(view, start, end),
          `view ${start}+${length}`,
        );
      }
    }
    const split = checksum(bytes, 120, 300, checksum(bytes, 0, 77));
    assert.equal(split, reference(bytes, 120, 300, reference(bytes, 0, 77)));
  });

  test(`${name}: the CRC of "123456789" is the standard check value`, () => {
    assert.equal(checksum(new TextEncoder().encode('123456789'), 0, 9), 0xcbf43926);
  });
}
