// Conformance `evtx-fuzz`: bounded mutation fuzzing over real corpus samples. Every mutated file
// must decode without an exception escaping, without an internal error, and in bounded time.
import { readFileSync } from 'node:fs';
import { mulberry32 as random } from '../../src/core/seeded-random.ts';
import { ChunkDecoder } from '../../src/ingest/evtx/decode-chunk.ts';
import type { ConformanceSection } from '../harness.ts';
import { corpusEvtxFiles, shortName } from './evtx-roundtrip.ts';

const BUDGET_MS = Number(process.env['SPELUNK_EVTX_FUZZ_MS'] ?? 30_000);
/** A mutated file slower than this many times its intact decode (plus slack) counts as a hang. */
const SLOWDOWN_LIMIT = 20;

function mutate(base: Uint8Array, next: () => number): Buffer {
  const pick = (n: number) => Math.floor(next() * n);
  let bytes = Buffer.from(base);
  for (let round = 0, rounds = 1 + pick(12); round < rounds && bytes.length > 0; round++) {
    const at = pick(bytes.length);
    switch (pick(6)) {
      case 0:
        bytes[at] = (bytes[at] as number) ^ (1 << pick(8));
        break;
      case 1:
        for (let i = 0; i < 1 + pick(32) && at + i < bytes.length; i++) bytes[at + i] = pick(256);
        break;
      case 2:
        if (bytes.length >= 4) {
          const value = [0, 0xffffffff, 0x7fffffff, 0x10000, pick(0x10000)][pick(5)] as number;
          bytes.writeUInt32LE(value, Math.min(at, bytes.length - 4));
        }
        break;
      case 3:
        bytes.fill(0, at, Math.min(bytes.length, at + pick(4096)));
        break;
      case 4:
        bytes.copyWithin(at, pick(bytes.length), pick(bytes.length));
        break;
      default:
        bytes = bytes.subarray(0, at);
    }
  }
  return bytes;
}

function decodeAll(bytes: Buffer, recover: boolean): { records: number; problems: string[] } {
  const decoder = new ChunkDecoder({ parts: true, xml: 'windows', recover });
  let records = 0;
  const problems: string[] = [];
  for (let index = 0, at = 4096; at < bytes.length; index++, at += 0x10000) {
    const chunk = decoder.decode(bytes.subarray(at, at + 0x10000), index, at);
    records += chunk.records.length;
    for (const p of chunk.problems) problems.push(`${p.code} ${p.location}: ${p.message}`);
  }
  return { records, problems };
}

const section: ConformanceSection = {
  name: 'evtx-fuzz',
  description: 'bounded mutation fuzzing of the EVTX reader over corpus samples',
  async run() {
    const hardFailures: string[] = [];
    // Small files mutate fastest; a spread of them covers Security, Sysmon and the odd samples.
    const files = corpusEvtxFiles()
      .unique.filter((f) => readFileSync(f).length <= 1 << 20)
      .filter((_, i) => i % 3 === 0);
    const deadline = performance.now() + BUDGET_MS;
    let runs = 0;
    let problems = 0;
    for (let seed = 1; performance.now() < deadline; seed++) {
      const file = files[seed % files.length] as string;
      const base = readFileSync(file);
      const started = performance.now();
      decodeAll(base, false);
      const intact = performance.now() - started;
      const bytes = mutate(base, random(seed));
      const recover = seed % 2 === 0;
      const before = performance.now();
      try {
        const result = decodeAll(bytes, recover);
        problems += result.problems.length;
        const internal = result.problems.find((p) => p.includes('internal error'));
        if (internal !== undefined)
          hardFailures.push(`seed ${seed} ${shortName(file)}: ${internal}`);
      } catch (error) {
        hardFailures.push(
          `seed ${seed} ${shortName(file)}: threw ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      const took = performance.now() - before;
      if (took > intact * SLOWDOWN_LIMIT + 1000) {
        hardFailures.push(
          `seed ${seed} ${shortName(file)}: ${took.toFixed(0)} ms against ${intact.toFixed(0)} ms intact`,
        );
      }
      runs++;
    }
    console.log(
      `  ${runs} mutated files from ${files.length} corpus samples in ${BUDGET_MS / 1000} s: ${hardFailures.length} failure(s), ${problems} problems reported`,
    );
    return { hardFailures };
  },
};

export default section;
