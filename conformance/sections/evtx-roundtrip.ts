// Conformance `evtx-roundtrip`: every corpus record rendered as XML by our reader and read back
// by our XML reader gives the same event as the record itself (the contract between the two
// readers). Also the shared helpers of the evtx sections: corpus listing, our decoding, the
// reference decoders and their XML.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Event } from '../../src/core/event.ts';
import { ChunkDecoder } from '../../src/ingest/evtx/decode-chunk.ts';
import type { DecodedRecord, EvtxProblem } from '../../src/ingest/evtx/decoded.ts';
import type { XmlStyle } from '../../src/ingest/evtx/render/xml-writer.ts';
import type { ByteInput } from '../../src/ingest/input/byte-input.ts';
import { windowsEventToEvent } from '../../src/ingest/windows/windows-event.ts';
import { readXml } from '../../src/ingest/xml/read-xml.ts';
import { CORPUS_DIR, type ConformanceSection, corpusPath, filesUnder } from '../harness.ts';

export interface XmlNode {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  text: string;
  readonly children: XmlNode[];
}

/** Every .evtx of the corpus (EVTX samples and Sigma regression data), one path per content. */
export function corpusEvtxFiles(): { readonly unique: string[]; readonly total: number } {
  const all = [
    ...filesUnder(corpusPath('evtx'), '.evtx'),
    ...filesUnder(corpusPath('sigma', 'regression_data'), '.evtx'),
  ];
  const seen = new Set<string>();
  const unique = all.filter((file) => {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
  return { unique, total: all.length };
}

export function shortName(file: string): string {
  return path.relative(CORPUS_DIR, file);
}

/** Our records of a file: decoded chunk by chunk as the reader does, with XML and parts. */
export function decodeOurs(
  file: string,
  style: XmlStyle = 'evtxexport',
  recover = false,
): { records: DecodedRecord[]; problems: EvtxProblem[] } {
  const bytes = readFileSync(file);
  const decoder = new ChunkDecoder({ parts: true, xml: style, recover });
  const records: DecodedRecord[] = [];
  const problems: EvtxProblem[] = [];
  for (let index = 0, at = 4096; at < bytes.length; index++, at += 0x10000) {
    const chunk = decoder.decode(bytes.subarray(at, at + 0x10000), index, at);
    records.push(...chunk.records);
    problems.push(...chunk.problems);
  }
  return { records, problems };
}

export interface ToolRun {
  readonly stdout: string;
  readonly failed: string | undefined;
}

/** Runs a reference decoder; a non-zero exit or a timeout is `failed` (its output is kept). */
export function runTool(command: string, args: string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: 'buffer', maxBuffer: 1 << 30, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const text = new TextDecoder().decode(stdout);
        if (error === null) return resolve({ stdout: text, failed: undefined });
        const reason = error.killed
          ? `timed out after ${timeoutMs / 1000} s`
          : new TextDecoder().decode(stderr).trim().split('\n').pop() || error.message;
        resolve({ stdout: text, failed: reason });
      },
    );
  });
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Elements of well-formed XML (ours, python-evtx's), whitespace between elements dropped. */
export function parseXml(text: string): XmlNode[] {
  const root: XmlNode = { name: '#root', attrs: [], text: '', children: [] };
  const stack: XmlNode[] = [root];
  const tag =
    /<(\/?)([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (const m of text.matchAll(tag)) {
    const top = stack[stack.length - 1] as XmlNode;
    top.text += decodeEntities(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[5] !== undefined) top.text += m[5];
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs = [...(m[3] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(
      (a) => [a[1] as string, decodeEntities(a[2] ?? a[3] ?? '')] as const,
    );
    const node: XmlNode = { name: m[2], attrs, text: '', children: [] };
    top.children.push(node);
    if (m[4] !== '/') stack.push(node);
  }
  return root.children;
}

/**
 * Records of `evtxexport -f xml`. libevtx 20181227 does not escape values, so its output is
 * read by its layout (one element per line, two-space indent) rather than as XML.
 */
export function parseEvtxexport(text: string): XmlNode[] {
  const records: XmlNode[] = [];
  const stack: XmlNode[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const close = /^ *<\/([^>]+)>$/.exec(line);
    if (close !== null && stack.length > 0) {
      stack.pop();
      continue;
    }
    const open = /^ *<([^\s/>!?]+)((?: [^\s=]+="[^"]*")*)(\/>|>)([\s\S]*)$/.exec(line);
    if (open === null) continue;
    const [, name = '', attrText = '', end, rest = ''] = open;
    const attrs = [...attrText.matchAll(/ ([^\s=]+)="([^"]*)"/g)].map(
      (a) => [a[1] as string, decodeEntities(a[2] as string)] as const,
    );
    const node: XmlNode = { name, attrs, text: '', children: [] };
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (name === 'Event') records.push(node);
      else continue;
    } else {
      parent.children.push(node);
    }
    if (end === '/>') continue;
    // `<name>` alone on its line opens children (indented one level more), unless the value
    // itself starts with a line feed.
    const childIndent = `${' '.repeat(line.length - line.trimStart().length + 2)}<`;
    if (rest === '' && (lines[i + 1] ?? '').startsWith(childIndent)) {
      stack.push(node);
      continue;
    }
    // Text to the `</name>` that ends a line; a value may run over several lines.
    let value = rest;
    while (!value.endsWith(`</${name}>`) && i + 1 < lines.length) value += `\n${lines[++i]}`;
    // libevtx escapes some values and not others: decoding the escaped ones is what it meant.
    node.text = decodeEntities(value.slice(0, Math.max(0, value.length - name.length - 3)));
  }
  return records;
}

export function recordId(node: XmlNode): string | undefined {
  const system = node.children.find((c) => c.name === 'System');
  return system?.children.find((c) => c.name === 'EventRecordID')?.text.trim();
}

function textInput(text: string): ByteInput {
  const bytes = new TextEncoder().encode(text);
  return {
    path: 'evtx-roundtrip.xml',
    filePath: undefined,
    compressed: false,
    encoding: 'utf-8',
    head: bytes.subarray(0, 65536),
    chunks: async function* () {
      yield bytes;
    },
    close: async () => {},
  };
}

/** Events of our records, and of their `windows`-style XML read by the XML reader. */
async function bothWays(
  file: string,
): Promise<{ direct: Event[]; viaXml: Event[]; xmlProblems: string[] }> {
  const { records } = decodeOurs(file, 'windows');
  const direct = records.map((r) =>
    windowsEventToEvent(r.parts ?? { system: {}, data: [] }, { index: 'x' }),
  );
  const viaXml: Event[] = [];
  const xmlProblems: string[] = [];
  const text = records.map((r) => r.xml ?? '').join('\n');
  const options = {
    index: 'x',
    needRaw: false,
    onProblem: (p: { code?: string; location: string; message: string }) => {
      if (p.code !== 'ING401') xmlProblems.push(`${p.location}: ${p.message}`);
    },
  };
  for await (const batch of readXml(textInput(text), options)) viaXml.push(...batch);
  return { direct, viaXml, xmlProblems };
}

/** The event without `_file`/`_line`: they say where a reader found it (the rendered XML's line), not what it is. */
function withoutProvenance(event: Event): Event {
  const { _file, _line, ...rest } = event;
  return rest;
}

const section: ConformanceSection = {
  name: 'evtx-roundtrip',
  description: 'EVTX records vs the same records rendered as XML and read by the XML reader',
  async run() {
    const hardFailures: string[] = [];
    const { unique } = corpusEvtxFiles();
    let records = 0;
    let differ = 0;
    for (const file of unique) {
      const { direct, viaXml, xmlProblems } = await bothWays(file);
      records += direct.length;
      for (const problem of xmlProblems)
        hardFailures.push(`${shortName(file)}: XML reader: ${problem}`);
      if (viaXml.length !== direct.length) {
        hardFailures.push(
          `${shortName(file)}: ${direct.length} records but ${viaXml.length} events via XML`,
        );
        continue;
      }
      direct.forEach((event, i) => {
        if (isDeepStrictEqual(withoutProvenance(event), withoutProvenance(viaXml[i] ?? {}))) return;
        differ++;
        if (differ <= 5) {
          hardFailures.push(
            `${shortName(file)} record ${event['EventRecordID']}: event differs via XML`,
          );
        }
      });
    }
    console.log(
      `  ${unique.length} files, ${records} records: ${records - differ} give the same event through XML, ${differ} differ`,
    );
    return { hardFailures };
  },
};

export default section;
