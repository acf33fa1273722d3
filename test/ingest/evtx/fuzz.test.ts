// Bounded mutation fuzzing over files the tests write: no input may throw, hang or run away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticError } from '../../../src/core/diagnostic.ts';
import { mulberry32 as random } from '../../../src/core/seeded-random.ts';
import { EventChunkDecoder } from '../../../src/ingest/evtx/event-decoder.ts';
import { readEvtx } from '../../../src/ingest/evtx/index.ts';
import { decodeChunks, tempFile } from './helpers.ts';
import { ChunkWriter, evtxFile, type TemplateSpec } from './writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from './writer/event-template.ts';
import { T, v } from './writer/values.ts';

const NESTED: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000d1}',
  root: {
    el: 'Event',
    children: [
      { el: 'System', children: [{ el: 'EventID', children: [{ sub: 0, type: T.uint16 }] }] },
      { sub: 1, type: T.binXml },
    ],
  },
};
const ARRAYS: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-0000000000d2}',
  root: {
    el: 'Event',
    children: [
      {
        el: 'EventData',
        children: [
          { el: 'Data', children: [{ sub: 0, type: T.string | T.array }] },
          { el: 'Binary', children: [{ sub: 1, type: T.binary, optional: true }] },
        ],
      },
    ],
  },
};

function baseFile(): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (let c = 0; c < 3; c++) {
    const chunk = new ChunkWriter({ inlineNames: c === 2 });
    for (let n = 0; n < 12; n++) {
      const id = c * 100 + n;
      if (n % 4 === 0) chunk.addRecord(id, { template: SAMPLE_TEMPLATE, values: sampleEvent(id) });
      else if (n % 4 === 1)
        chunk.addRecord(id, {
          template: ARRAYS,
          values: [v.stringArray(['a', 'bb', '']), v.raw(T.binary, [1, 2, 3])],
        });
      else if (n % 4 === 2) {
        chunk.addRecord(id, {
          template: NESTED,
          values: [
            v.u16(id),
            {
              type: T.binXml,
              build: (w) => {
                w.fragmentHeader();
                chunk.templateInstance(w, ARRAYS, [v.stringArray(['x']), v.null()]);
                w.eof();
              },
            },
          ],
        });
      } else {
        chunk.addRecord(id, {
          document: [
            {
              el: 'Event',
              attrs: [['A', [{ text: 'v' }, { entity: 'amp' }]]],
              children: [
                { el: 'D', children: [{ text: 't' }, { charRef: 65 }, { cdata: 'c' }] },
                { pi: ['p', 'd'] },
              ],
            },
          ],
        });
      }
    }
    chunks.push(chunk.finish());
  }
  return evtxFile(chunks);
}

function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(next() * n);
  let bytes = base.slice();
  const rounds = 1 + pick(8);
  for (let r = 0; r < rounds; r++) {
    const at = pick(bytes.length);
    switch (pick(6)) {
      case 0: // flip bits
        bytes[at] = (bytes[at] as number) ^ (1 << pick(8));
        break;
      case 1: // random bytes
        for (let i = 0; i < 1 + pick(16) && at + i < bytes.length; i++) bytes[at + i] = pick(256);
        break;
      case 2: // extreme 32-bit values, where sizes and offsets live
        new DataView(bytes.buffer).setUint32(
          Math.min(at, bytes.length - 4),
          [0, 0xffffffff, 0x7fffffff, 0x10000, pick(0x10000)][pick(5)] as number,
          true,
        );
        break;
      case 3: // zero a block
        bytes.fill(0, at, at + pick(512));
        break;
      case 4: // copy a span elsewhere (records over records, names over values)
        bytes.copyWithin(at, pick(bytes.length), pick(bytes.length));
        break;
      default: // cut the file
        bytes = bytes.slice(0, Math.max(0, at));
    }
    if (bytes.length === 0) break;
  }
  return bytes;
}

test('mutated files decode without throwing, within time, with bounded output', () => {
  const base = baseFile();
  const baseline = decodeChunks(base, { xml: 'evtxexport' });
  assert.equal(baseline.records.length, 36);
  assert.deepEqual(baseline.problems, []);
  const deadline = performance.now() + 4000;
  let runs = 0;
  for (let seed = 1; seed <= 1000 && performance.now() < deadline; seed++) {
    const bytes = mutate(base, random(seed));
    const started = performance.now();
    let read: ReturnType<typeof decodeChunks>;
    try {
      read = decodeChunks(bytes, {
        xml: seed % 2 === 0 ? 'windows' : 'evtxexport',
        recover: seed % 3 === 0,
      });
    } catch (error) {
      assert.fail(
        `seed ${seed}: decoding threw ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
    assert.ok(performance.now() - started < 2000, `seed ${seed}: decoding took too long`);
    assert.ok(read.records.length <= 200, `seed ${seed}: ${read.records.length} records from 36`);
    for (const problem of read.problems) {
      assert.match(problem.code, /^EVTX\d{3}$/, `seed ${seed}`);
      assert.match(problem.location, /^chunk \d+ @0x[0-9a-f]+/, `seed ${seed}`);
      assert.ok(!problem.message.includes('internal error'), `seed ${seed}: ${problem.message}`);
    }
    runs++;
  }
  assert.ok(runs >= 200, `only ${runs} mutations ran in the time budget`);
});

test('mutated files through readEvtx either read or are refused with a diagnostic', async () => {
  const base = baseFile();
  for (let seed = 5000; seed < 5030; seed++) {
    const next = random(seed);
    const bytes = mutate(base, next);
    // Damage near the start hits the file header and its signature as well.
    const at = Math.floor(next() * 128);
    if (seed % 2 === 0 && at < bytes.length) bytes[at] = (bytes[at] as number) ^ 0xff;
    const path = tempFile(`fuzz-${seed}.evtx`, bytes);
    try {
      for await (const batch of readEvtx(
        path,
        { index: 'x', needRaw: true, onProblem: () => {} },
        { workers: 0, recover: true },
      )) {
        assert.ok(batch.length > 0);
        // _raw is rendered on first read: that must not throw either.
        for (const event of batch) assert.equal(typeof event['_raw'], 'string');
      }
    } catch (error) {
      assert.ok(
        error instanceof DiagnosticError,
        `seed ${seed}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      assert.match(error.diagnostics[0]?.code ?? '', /^EVTX00[12]$/);
    }
  }
});

test('mutated files decoded to events: lazy _raw equals the eager rendering, nothing throws', () => {
  const base = baseFile();
  const deadline = performance.now() + 3000;
  let runs = 0;
  for (let seed = 9000; seed < 9400 && performance.now() < deadline; seed++) {
    const bytes = Buffer.from(mutate(base, random(seed)));
    const decode = (raw: 'eager' | 'lazy') => {
      const decoder = new EventChunkDecoder({ index: 'x', raw, recover: seed % 2 === 0 });
      const chunks = [];
      for (let index = 0, at = 4096; at < bytes.length; index++, at += 0x10000) {
        chunks.push(decoder.decode(bytes.subarray(at, at + 0x10000), index, at));
      }
      return chunks;
    };
    try {
      const eager = decode('eager');
      const lazy = decode('lazy');
      assert.deepEqual(lazy, eager, `seed ${seed}`);
    } catch (error) {
      assert.fail(`seed ${seed}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    runs++;
  }
  assert.ok(runs >= 50, `only ${runs} mutations ran in the time budget`);
});
