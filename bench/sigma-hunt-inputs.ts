// Inputs of bench `sigma-hunt`, built once into BENCH_TMP from the corpus: the 100k benchmark set
// (EVTX-ATTACK-SAMPLES' Sysmon and Security records, repeated) as flat JSON lines and as
// XmlWinEventLog lines; a folder of several hundred small EVTX files and one large file of the
// same chunks; rule folders whose rules match every event or none (finding throughput).
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { eventJsonLine } from '../src/cli/dump/event-json.ts';
import { crc32 } from '../src/ingest/evtx/crc32.ts';
import { openInputs } from '../src/ingest/open-inputs.ts';
import { BENCH_TMP } from './harness.ts';

const CHANNELS = new Set(['Microsoft-Windows-Sysmon/Operational', 'Security']);
const CHUNK = 0x10000;

export interface HuntSet {
  readonly jsonl: string;
  readonly xml: string;
  /** Distinct records the set repeats. */
  readonly distinct: number;
}

/** `events` lines cycling the corpus records: built once, then reused (the name holds the count). */
export async function huntSet(corpus: string, events: number): Promise<HuntSet> {
  const jsonl = path.join(BENCH_TMP, `sigma-hunt-${events}.jsonl`);
  const xml = path.join(BENCH_TMP, `sigma-hunt-${events}.xml`);
  const countFile = path.join(BENCH_TMP, `sigma-hunt-${events}.distinct`);
  if (existsSync(jsonl) && existsSync(xml) && existsSync(countFile)) {
    return { jsonl, xml, distinct: Number(readFileSync(countFile, 'utf8')) };
  }
  const inputs = await openInputs([path.join(corpus, 'evtx', 'EVTX-ATTACK-SAMPLES')], {
    needRaw: true,
  });
  const lines: string[] = [];
  const raws: string[] = [];
  for await (const batch of inputs.source) {
    for (const event of batch) {
      if (!CHANNELS.has(String(event['Channel']))) continue;
      lines.push(eventJsonLine(event, false));
      raws.push(String(event['_raw']).replaceAll('\n', ' '));
    }
  }
  mkdirSync(BENCH_TMP, { recursive: true });
  const cycle = (items: readonly string[]) =>
    `${Array.from({ length: events }, (_, i) => items[i % items.length]).join('\n')}\n`;
  writeFileSync(jsonl, cycle(lines));
  writeFileSync(xml, cycle(raws));
  writeFileSync(countFile, String(lines.length));
  return { jsonl, xml, distinct: lines.length };
}

/** The chunks of an EVTX file that carry the chunk signature (the reader judges the rest). */
function chunksOf(file: string): Buffer[] {
  const bytes = readFileSync(file);
  const out: Buffer[] = [];
  for (let at = 4096; at + CHUNK <= bytes.length; at += CHUNK) {
    const chunk = bytes.subarray(at, at + CHUNK);
    if (chunk.toString('latin1', 0, 8) === 'ElfChnk\0') out.push(chunk);
  }
  return out;
}

/** An EVTX file of `chunks` with a valid file header. */
function evtxFile(chunks: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(BigInt(chunks.length - 1), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(chunks.length & 0xffff, 42);
  header.writeUInt32LE(crc32(header, 0, 120), 124);
  return Buffer.concat([header, ...chunks]);
}

export interface SmallFiles {
  /** The corpus's small EVTX files. */
  readonly files: readonly string[];
  /** One file of every chunk of those files, in the same order. */
  readonly large: string;
  /** The same chunks cycled `times` times: the input of the worker comparison. */
  readonly repeated: string;
}

export function smallFiles(corpus: string, times: number): SmallFiles {
  const folders = [
    path.join(corpus, 'evtx', 'EVTX-ATTACK-SAMPLES'),
    path.join(corpus, 'sigma', 'regression_data'),
  ];
  const files = folders.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.evtx'))
      .sort()
      .map((name) => path.join(dir, name)),
  );
  const large = path.join(BENCH_TMP, 'sigma-hunt-one-large.evtx');
  const repeated = path.join(BENCH_TMP, `sigma-hunt-large-x${times}.evtx`);
  if (!existsSync(large) || !existsSync(repeated) || statSync(large).size === 0) {
    const chunks = files.flatMap(chunksOf);
    mkdirSync(BENCH_TMP, { recursive: true });
    writeFileSync(large, evtxFile(chunks));
    writeFileSync(repeated, evtxFile(Array.from({ length: times }, () => chunks).flat()));
  }
  return { files, large, repeated };
}

/**
 * Folders of `count` Sigma rules that match every event (`EventID|exists: true`; even rules on
 * the Sysmon channel, odd ones on Security: each pair finds every event of the set once) or none
 * (`exists: false`): the same matching work, the findings apart.
 */
export function findingRules(count: number): { every: string; none: string } {
  const every = path.join(BENCH_TMP, `sigma-rules-every-${count}`);
  const none = path.join(BENCH_TMP, `sigma-rules-none-${count}`);
  for (const [dir, exists] of [
    [every, 'true'],
    [none, 'false'],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      writeFileSync(
        path.join(dir, `rule-${i}.yml`),
        [
          `title: Bench finding rule ${i}`,
          `id: 00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          'level: medium',
          'tags: [attack.execution, attack.t1059]',
          `logsource: {product: windows, service: ${i % 2 === 0 ? 'sysmon' : 'security'}}`,
          'detection:',
          `  selection: {EventID|exists: ${exists}}`,
          '  condition: selection',
          '',
        ].join('\n'),
      );
    }
  }
  return { every, none };
}

/**
 * `count` names of one file: hard links, because inputs are read once per file (a path given
 * twice, or a symbolic link to a file already read, is read once).
 */
export function sameFileTimes(file: string, count: number): string[] {
  const dir = path.join(BENCH_TMP, 'links');
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return file;
    const link = path.join(dir, `${i}-${path.basename(file)}`);
    if (!existsSync(link)) linkSync(file, link);
    return link;
  });
}
