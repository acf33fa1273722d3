// Templates shared across chunks: reused only where a chunk's definition is the same template,
// and every result (records, problems and their offsets) equals decoding each chunk afresh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createChunkContext } from '../../../../src/ingest/evtx/binxml/chunk-context.ts';
import { TemplateCache } from '../../../../src/ingest/evtx/binxml/template-cache.ts';
import { ChunkDecoder } from '../../../../src/ingest/evtx/decode-chunk.ts';
import { ChunkWriter, type RecordBody, type TemplateSpec } from '../writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from '../writer/event-template.ts';
import { T, v } from '../writer/values.ts';

/** A record whose element names are not in the templates, to shift what follows it. */
const FILLER: RecordBody = {
  document: [{ el: 'Filler', children: [{ el: 'Padding', children: [{ text: 'x'.repeat(37) }] }] }],
};

/** The definition offset of the template of the record at `recordOffset` (inline definition). */
function definitionAt(bytes: Uint8Array, recordOffset: number): number {
  // Record header (24), fragment header (4), instance token (1), unknown (1), template id (4).
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(recordOffset + 24 + 4 + 6, true);
}

/** One record in chunk A, and one in chunk B after `beforeB`: the chunks and those records. */
function twoChunks(
  a: RecordBody,
  b: RecordBody,
  beforeB: RecordBody[] = [],
): { bytesA: Uint8Array; atA: number; bytesB: Uint8Array; atB: number } {
  const writerA = new ChunkWriter();
  const atA = writerA.addRecord(1, a);
  const writerB = new ChunkWriter();
  for (const [i, body] of beforeB.entries()) writerB.addRecord(100 + i, body);
  const atB = writerB.addRecord(2, b);
  return { bytesA: writerA.finish(), atA, bytesB: writerB.finish(), atB };
}

/** The cache's template for the record at `at` of the chunk `bytes`. */
function templateOf(cache: TemplateCache, bytes: Uint8Array, at: number) {
  return cache.templateAt(createChunkContext(bytes, cache), definitionAt(bytes, at));
}

/** A template whose one element is named `name`, holding a string. */
function named(guid: string, name: string): TemplateSpec {
  return {
    guid,
    root: { el: 'Event', children: [{ el: name, children: [{ sub: 0, type: T.string }] }] },
  };
}

test('the same template defined at another offset in another chunk is compiled once', () => {
  const { bytesA, atA, bytesB, atB } = twoChunks(
    { template: SAMPLE_TEMPLATE, values: sampleEvent(1) },
    { template: SAMPLE_TEMPLATE, values: sampleEvent(3) },
    [FILLER],
  );
  const cache = new TemplateCache();
  const first = templateOf(cache, bytesA, atA);
  const second = templateOf(cache, bytesB, atB);
  assert.notEqual(first.offset, second.offset);
  assert.equal(second.compiled, first.compiled, 'the compiled template is reused');
  assert.equal(second.offset, definitionAt(bytesB, atB));
});

test('a definition with the same GUID and size but other bytes is compiled anew', () => {
  const guid = '{00000000-0000-0000-0000-00000000c001}';
  const { bytesA, atA, bytesB, atB } = twoChunks(
    { template: named(guid, 'Alpha'), values: [v.string('a')] },
    { template: named(guid, 'Gamma'), values: [v.string('b')] },
  );
  const cache = new TemplateCache();
  const first = templateOf(cache, bytesA, atA);
  const second = templateOf(cache, bytesB, atB);
  assert.notEqual(second.compiled, first.compiled);
  assert.ok(second.ops.some((o) => o.name === 'Gamma'));
  assert.ok(!second.ops.some((o) => o.name === 'Alpha'));
});

test('a name inline in one chunk and referenced in another is not taken for the same bytes', () => {
  // In chunk B the template's names were written before (by another template), so its
  // definition refers to them instead of holding them: a different layout, compiled anew.
  const other = named('{00000000-0000-0000-0000-00000000c002}', 'Data');
  const mine = named('{00000000-0000-0000-0000-00000000c003}', 'Data');
  const { bytesA, atA, bytesB, atB } = twoChunks(
    { template: mine, values: [v.string('a')] },
    { template: mine, values: [v.string('c')] },
    [{ template: other, values: [v.string('b')] }],
  );
  const cache = new TemplateCache();
  const first = templateOf(cache, bytesA, atA);
  const second = templateOf(cache, bytesB, atB);
  assert.notEqual(second.compiled, first.compiled);
  assert.deepEqual(
    second.ops.map((o) => o.name),
    first.ops.map((o) => o.name),
  );
});

test('a cached template keeps its own copy of the definition (read buffers are reused)', () => {
  const guid = '{00000000-0000-0000-0000-00000000c005}';
  const { bytesA, atA, bytesB, atB } = twoChunks(
    { template: named(guid, 'Alpha'), values: [v.string('a')] },
    { template: named(guid, 'Gamma'), values: [v.string('b')] },
  );
  assert.equal(definitionAt(bytesB, atB), definitionAt(bytesA, atA));
  // One Buffer, as the reader's read blocks: chunk A, then chunk B read into the same bytes.
  const buffer = Buffer.from(bytesA);
  const cache = new TemplateCache();
  const first = templateOf(cache, buffer, atA);
  buffer.set(bytesB);
  const second = templateOf(cache, buffer, atB);
  assert.notEqual(second.compiled, first.compiled);
  assert.ok(second.ops.some((o) => o.name === 'Gamma'));
});

/** Chunks whose templates sit at different offsets, with damage in the later chunks. */
function chunks(): Uint8Array[] {
  const bad: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-00000000c004}',
    root: {
      el: 'Event',
      children: [
        { el: 'A', children: [{ sub: 0, type: T.string }] },
        { el: 'B', children: [{ sub: 5, type: T.string }] },
      ],
    },
  };
  const result: Uint8Array[] = [];
  for (let c = 0; c < 4; c++) {
    const w = new ChunkWriter({ inlineNames: c === 3 });
    for (let f = 0; f < c; f++) w.addRecord(1000 + f, FILLER);
    w.addRecord(c * 10 + 1, { template: SAMPLE_TEMPLATE, values: sampleEvent(c * 10 + 1) });
    // Only one value: the substitution of index 5 is out of range, an error at an op offset.
    w.addRecord(c * 10 + 2, { template: bad, values: [v.string('only')] });
    w.addRecord(c * 10 + 3, { template: SAMPLE_TEMPLATE, values: sampleEvent(c * 10 + 3) });
    result.push(w.finish());
  }
  return result;
}

for (const options of [
  { parts: true, xml: undefined, recover: false },
  { parts: true, xml: 'windows', recover: false },
  { parts: false, xml: 'evtxexport', recover: true },
] as const) {
  test(`shared templates give what fresh decoders give (${JSON.stringify(options)})`, () => {
    const shared = new ChunkDecoder(options);
    chunks().forEach((bytes, index) => {
      const fileOffset = 0x1000 + index * 0x10000;
      const fresh = new ChunkDecoder(options, new TemplateCache()).decode(bytes, index, fileOffset);
      const reused = shared.decode(bytes, index, fileOffset);
      assert.deepEqual(reused, fresh);
      assert.equal(reused.records.length, 2 + index);
      assert.equal(reused.problems.length, 1);
      assert.match(reused.problems[0]?.message ?? '', /substitution index at byte 0x[0-9a-f]+: 5/);
    });
  });
}
