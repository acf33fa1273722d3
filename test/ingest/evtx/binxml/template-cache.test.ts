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

test('the same template defined at another offset in another chunk is compiled once', () => {
  const a = new ChunkWriter();
  const atA = a.addRecord(1, { template: SAMPLE_TEMPLATE, values: sampleEvent(1) });
  const b = new ChunkWriter();
  b.addRecord(2, FILLER);
  const atB = b.addRecord(3, { template: SAMPLE_TEMPLATE, values: sampleEvent(3) });
  const bytesA = a.finish();
  const bytesB = b.finish();
  const cache = new TemplateCache();
  const first = cache.templateAt(createChunkContext(bytesA, cache), definitionAt(bytesA, atA));
  const second = cache.templateAt(createChunkContext(bytesB, cache), definitionAt(bytesB, atB));
  assert.notEqual(first.offset, second.offset);
  assert.equal(second.compiled, first.compiled, 'the compiled template is reused');
  assert.equal(second.offset, definitionAt(bytesB, atB));
});

test('a definition with the same GUID and size but other bytes is compiled anew', () => {
  const named = (name: string): TemplateSpec => ({
    guid: '{00000000-0000-0000-0000-00000000c001}',
    root: { el: 'Event', children: [{ el: name, children: [{ sub: 0, type: T.string }] }] },
  });
  const a = new ChunkWriter();
  const atA = a.addRecord(1, { template: named('Alpha'), values: [v.string('a')] });
  const b = new ChunkWriter();
  const atB = b.addRecord(2, { template: named('Gamma'), values: [v.string('b')] });
  const bytesA = a.finish();
  const bytesB = b.finish();
  const cache = new TemplateCache();
  const first = cache.templateAt(createChunkContext(bytesA, cache), definitionAt(bytesA, atA));
  const second = cache.templateAt(createChunkContext(bytesB, cache), definitionAt(bytesB, atB));
  assert.notEqual(second.compiled, first.compiled);
  assert.ok(second.ops.some((o) => o.name === 'Gamma'));
  assert.ok(!second.ops.some((o) => o.name === 'Alpha'));
});

test('a name inline in one chunk and referenced in another is not taken for the same bytes', () => {
  // In chunk B the template's names were written before (by another template), so its
  // definition refers to them instead of holding them: a different layout, compiled anew.
  const other: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-00000000c002}',
    root: { el: 'Event', children: [{ el: 'Data', children: [{ sub: 0, type: T.string }] }] },
  };
  const mine: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-00000000c003}',
    root: { el: 'Event', children: [{ el: 'Data', children: [{ sub: 0, type: T.string }] }] },
  };
  const a = new ChunkWriter();
  const atA = a.addRecord(1, { template: mine, values: [v.string('a')] });
  const b = new ChunkWriter();
  b.addRecord(2, { template: other, values: [v.string('b')] });
  const atB = b.addRecord(3, { template: mine, values: [v.string('c')] });
  const bytesA = a.finish();
  const bytesB = b.finish();
  const cache = new TemplateCache();
  const first = cache.templateAt(createChunkContext(bytesA, cache), definitionAt(bytesA, atA));
  const second = cache.templateAt(createChunkContext(bytesB, cache), definitionAt(bytesB, atB));
  assert.notEqual(second.compiled, first.compiled);
  assert.deepEqual(
    second.ops.map((o) => o.name),
    first.ops.map((o) => o.name),
  );
});

test('a cached template keeps its own copy of the definition (read buffers are reused)', () => {
  const named = (name: string): TemplateSpec => ({
    guid: '{00000000-0000-0000-0000-00000000c005}',
    root: { el: 'Event', children: [{ el: name, children: [{ sub: 0, type: T.string }] }] },
  });
  const a = new ChunkWriter();
  const atA = a.addRecord(1, { template: named('Alpha'), values: [v.string('a')] });
  const b = new ChunkWriter();
  const atB = b.addRecord(2, { template: named('Gamma'), values: [v.string('b')] });
  const bytesA = a.finish();
  const bytesB = b.finish();
  assert.equal(definitionAt(bytesB, atB), definitionAt(bytesA, atA));
  // One Buffer, as the reader's read blocks: chunk A, then chunk B read into the same bytes.
  const buffer = Buffer.from(bytesA);
  const cache = new TemplateCache();
  const first = cache.templateAt(createChunkContext(buffer, cache), definitionAt(buffer, atA));
  buffer.set(bytesB);
  const second = cache.templateAt(createChunkContext(buffer, cache), definitionAt(buffer, atB));
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
