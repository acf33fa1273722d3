// Damaged chunks: each kind is reported with its code and location, and the rest is still read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeChunks } from '../helpers.ts';
import { ChunkWriter, evtxFile, resealChunk, sampleChunk } from '../writer/chunk-writer.ts';
import { crc32 } from '../writer/crc.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from '../writer/event-template.ts';
import { le } from '../writer/values.ts';

const ids = (file: ReturnType<typeof decodeChunks>) => file.records.map((r) => r.recordId);
const codes = (file: ReturnType<typeof decodeChunks>) =>
  file.problems.map((p) => `${p.code} ${p.kind} ${p.location}`);

function fiveRecords(): { chunk: ChunkWriter; offsets: number[] } {
  const chunk = new ChunkWriter();
  const offsets = [1, 2, 3, 4, 5].map((n) =>
    chunk.addRecord(n, { template: SAMPLE_TEMPLATE, values: sampleEvent(n) }),
  );
  return { chunk, offsets };
}

test('an intact chunk reads with no problems', () => {
  const read = decodeChunks(evtxFile([fiveRecords().chunk.finish()]));
  assert.deepEqual(ids(read), [1, 2, 3, 4, 5]);
  assert.deepEqual(read.problems, []);
});

test('an event-records CRC mismatch is reported and the records are still read', () => {
  const bytes = fiveRecords().chunk.finish();
  bytes[52] = (bytes[52] as number) ^ 0xff;
  resealHeaderOnly(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 2, 3, 4, 5]);
  assert.deepEqual(codes(read), ['EVTX203 damaged chunk 0 @0x1000']);
  assert.match(
    read.problems[0]?.message ?? '',
    /event records checksum 0x[0-9a-f]{8} differs from the computed 0x[0-9a-f]{8}/,
  );
});

test('a chunk header CRC mismatch is reported and the records are still read', () => {
  const bytes = fiveRecords().chunk.finish();
  bytes[124] = (bytes[124] as number) ^ 1;
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 2, 3, 4, 5]);
  assert.deepEqual(codes(read), ['EVTX202 damaged chunk 0 @0x1000']);
});

test('chunk flag 0x4 (no CRC32) skips both checks', () => {
  const chunk = new ChunkWriter({ noCrc: true });
  chunk.addRecord(1, { template: SAMPLE_TEMPLATE, values: sampleEvent(1) });
  const read = decodeChunks(evtxFile([chunk.finish()]));
  assert.deepEqual(ids(read), [1]);
  assert.deepEqual(read.problems, []);
});

test('a bad chunk signature skips that chunk only', () => {
  const bad = sampleChunk(1, 3, SAMPLE_TEMPLATE, sampleEvent).finish();
  bad.set([0x45, 0x76, 0x69, 0x6c], 0);
  const good = sampleChunk(4, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
  const read = decodeChunks(evtxFile([bad, good]));
  assert.deepEqual(ids(read), [4, 5]);
  assert.deepEqual(codes(read), ['EVTX201 skipped chunk 0 @0x1000']);
});

test('with recover, records in a chunk with a bad signature are read and reported', () => {
  const bad = sampleChunk(1, 3, SAMPLE_TEMPLATE, sampleEvent).finish();
  bad.fill(0x41, 0, 8);
  const read = decodeChunks(evtxFile([bad]), { recover: true });
  assert.deepEqual(ids(read), [1, 2, 3]);
  assert.deepEqual(codes(read), [
    'EVTX201 skipped chunk 0 @0x1000',
    'EVTX401 damaged chunk 0 @0x1000',
  ]);
  assert.ok(read.records.every((r) => r.recovered));
});

test('an all-zero chunk (allocated, never written) is not a problem', () => {
  const read = decodeChunks(
    evtxFile([sampleChunk(1, 1, SAMPLE_TEMPLATE, sampleEvent).finish(), new Uint8Array(0x10000)]),
  );
  assert.deepEqual(ids(read), [1]);
  assert.deepEqual(read.problems, []);
});

test('a record whose size copy is wrong is skipped to the next record', () => {
  const { chunk, offsets } = fiveRecords();
  const bytes = chunk.finish();
  const second = offsets[1] as number;
  const size = new DataView(bytes.buffer).getUint32(second + 4, true);
  bytes.set(le(4, 0x6800_0000), second + size - 4);
  resealChunk(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 3, 4, 5]);
  assert.deepEqual(codes(read), [
    `EVTX301 skipped chunk 0 @0x1000, record @0x${(0x1000 + second).toString(16)}`,
  ]);
  assert.match(
    read.problems[0]?.message ?? '',
    /record size copy at byte 0x[0-9a-f]+: 1744830464 differs from the size \d+; \d+ bytes skipped to the next record/,
  );
});

test('a zero record size is skipped to the next record', () => {
  const { chunk, offsets } = fiveRecords();
  const bytes = chunk.finish();
  bytes.set(le(4, 0), (offsets[2] as number) + 4);
  resealChunk(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 2, 4, 5]);
  assert.match(read.problems[0]?.message ?? '', /^record size at byte 0x[0-9a-f]+: 0 does not fit/);
});

test('garbage inside one record skips that record only', () => {
  const { chunk, offsets } = fiveRecords();
  const bytes = chunk.finish();
  // Past the record header and fragment header: the template instance token becomes 0xEE.
  bytes[(offsets[3] as number) + 28] = 0xee;
  resealChunk(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 2, 3, 5]);
  assert.deepEqual(codes(read), [
    `EVTX302 skipped chunk 0 @0x1000, record 4 @0x${(0x1000 + (offsets[3] as number)).toString(16)}`,
  ]);
  assert.match(read.problems[0]?.message ?? '', /unknown token 0xee/);
});

test('a corrupt shared name (string cache) skips the records that use it, with its offset', () => {
  const { chunk } = fiveRecords();
  const bytes = chunk.finish();
  // The "EventData" name is written inline in record 1's template and shared by every record.
  const at = chunk.names.get('EventData') as number;
  bytes.set(le(2, 0x7fff), at + 6);
  resealChunk(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), []);
  assert.equal(read.problems.length, 5);
  assert.match(
    read.problems[0]?.message ?? '',
    /name text\) at byte 0x[0-9a-f]+: needs 65534 byte\(s\)/,
  );
});

test('a free space offset outside the chunk is reported; records are read until one does not parse', () => {
  const bytes = fiveRecords().chunk.finish();
  bytes.set(le(4, 0x20000), 48);
  resealChunk(bytes);
  const read = decodeChunks(evtxFile([bytes]));
  assert.deepEqual(ids(read), [1, 2, 3, 4, 5]);
  assert.deepEqual(codes(read), ['EVTX204 damaged chunk 0 @0x1000']);
});

test('a chunk cut short by the end of the file reads the records that fit', () => {
  const { chunk, offsets } = fiveRecords();
  const file = evtxFile([chunk.finish()]);
  const cut = file.subarray(0, 0x1000 + (offsets[3] as number) + 10);
  const read = decodeChunks(cut);
  assert.deepEqual(ids(read), [1, 2, 3]);
  assert.deepEqual(codes(read), [
    'EVTX204 damaged chunk 0 @0x1000',
    'EVTX205 damaged chunk 0 @0x1000',
  ]);
});

test('recover reads records left in slack space after the free space offset', () => {
  const { chunk, offsets } = fiveRecords();
  const bytes = chunk.finish();
  // Pretend records 4 and 5 were released: the free space offset moves back to record 4.
  bytes.set(le(4, offsets[3] as number), 48);
  resealChunk(bytes);
  assert.deepEqual(ids(decodeChunks(evtxFile([bytes]))), [1, 2, 3]);
  const recovered = decodeChunks(evtxFile([bytes]), { recover: true });
  assert.deepEqual(ids(recovered), [1, 2, 3, 4, 5]);
  assert.deepEqual(
    recovered.records.map((r) => r.recovered),
    [false, false, false, true, true],
  );
  assert.deepEqual(codes(recovered), ['EVTX401 damaged chunk 0 @0x1000']);
  assert.match(recovered.problems[0]?.message ?? '', /recovered 2 record\(s\) from slack space/);
});

/** Recomputes only the header checksum, keeping a deliberately wrong records checksum. */
function resealHeaderOnly(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  view.setUint32(124, crc32(bytes, 128, 512, crc32(bytes, 0, 120)), true);
}
