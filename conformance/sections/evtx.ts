// Conformance `evtx`: our EVTX reader against libevtx (`evtxexport -f xml`) and python-evtx
// (`evtx_dump.py`) over every .evtx in the corpus, record by record after normalisation
// (notes/datasets.md §6).
import type { DecodedRecord, EvtxProblem } from '../../src/ingest/evtx/decoded.ts';
import type { ConformanceSection } from '../harness.ts';
import {
  corpusEvtxFiles,
  decodeEntities,
  decodeOurs,
  parseEvtxexport,
  parseXml,
  recordId,
  runTool,
  shortName,
  type ToolRun,
  type XmlNode,
} from './evtx-roundtrip.ts';

/** How one of our records (or a reference's record we lack) compares with the references. */
export interface Difference {
  readonly recordId: string;
  readonly kind:
    | 'agree-match'
    | 'agree-differ'
    | 'disagree'
    | 'one-reference'
    | 'ours-only'
    | 'missing'
    | 'lost';
  /** Why, when something differs; undefined for a plain match. */
  readonly reason: string | undefined;
  readonly detail: string;
}

const TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z?$/;

/**
 * Rendering differences that are not value differences (notes/datasets.md §6): hex padding
 * and size_t shown in decimal (libevtx), GUID case and booleans (python-evtx), timestamps to
 * the microsecond (python-evtx) or millisecond, a lone line feed shown as empty (libevtx).
 */
function normalise(value: string): string {
  if (value === '\n') return '';
  if (/^0x[0-9a-fA-F]+$/.test(value)) return BigInt(value).toString();
  if (/^\{[0-9a-fA-F-]{36}\}$/.test(value)) return value.toUpperCase();
  if (value === 'True' || value === 'False') return value.toLowerCase();
  const time = TIME.exec(value);
  if (time !== null) return `${time[1]}T${time[2]}.${(time[3] ?? '').padEnd(3, '0').slice(0, 3)}`;
  return value;
}

/** Microseconds since the epoch of a timestamp, or undefined. */
function micros(value: string): number | undefined {
  const time = TIME.exec(value);
  if (time === null) return undefined;
  const seconds = Date.parse(`${time[1]}T${time[2]}Z`) / 1000;
  return seconds * 1e6 + Number((time[3] ?? '').padEnd(6, '0').slice(0, 6));
}

/** Equal after normalisation, or a known reference rendering of the same value. */
function sameValue(ours: string, ref: string): boolean {
  if (normalise(ours) === normalise(ref)) return true;
  // libevtx escapes some values and not others; python-evtx goes through floats for times.
  if (ref.includes('&') && normalise(ours) === normalise(decodeEntities(ref))) return true;
  const a = micros(ours);
  const b = micros(ref);
  if (a !== undefined && b !== undefined && Math.abs(a - b) <= 5) return true;
  // python-evtx gives binary as base64 where Windows and libevtx give hex.
  if (/^[0-9A-F]+$/.test(ours) && /^[A-Za-z0-9+/]*=*$/.test(ref)) {
    return Buffer.from(ref, 'base64').toString('hex').toUpperCase() === ours;
  }
  return false;
}

const attrs = (node: XmlNode) => node.attrs.filter(([, v]) => v !== '');
const isLeaf = (node: XmlNode) => node.children.length === 0;

/** Undefined when equal, else what differs first (a reason, then its detail). */
function differs(a: XmlNode, b: XmlNode, at = ''): [string, string] | undefined {
  const here = `${at}/${a.name}`;
  if (a.name !== b.name) return ['element name', `${here} vs ${b.name}`];
  const aa = attrs(a);
  const ba = attrs(b);
  for (const [name, value] of aa) {
    const other = ba.find(([n]) => n === name);
    if (other === undefined) return ['attribute missing in the reference', `${here}@${name}`];
    if (!sameValue(value, other[1]))
      return [
        'attribute value',
        `${here}@${name}: ${JSON.stringify(value)} vs ${JSON.stringify(other[1])}`,
      ];
  }
  for (const [name] of ba) {
    if (!aa.some(([n]) => n === name))
      return ['attribute only in the reference', `${here}@${name}`];
  }
  if (isLeaf(a) && isLeaf(b)) {
    if (sameValue(a.text, b.text)) return undefined;
    if (b.text.includes('<string>'))
      return ['python-evtx renders a string array as one <Data>', here];
    return [
      'text',
      `${here}: ${JSON.stringify(a.text.slice(0, 80))} vs ${JSON.stringify(b.text.slice(0, 80))}`,
    ];
  }
  const n = Math.min(a.children.length, b.children.length);
  for (let i = 0; i < n; i++) {
    const d = differs(a.children[i] as XmlNode, b.children[i] as XmlNode, here);
    if (d !== undefined) return d;
  }
  if (a.children.length > n)
    return ['element missing in the reference', `${here}/${a.children[n]?.name}`];
  if (b.children.length > n)
    return ['element only in the reference', `${here}/${b.children[n]?.name}`];
  return undefined;
}

/** Reference records by record id; a taken record is not matched twice. */
function byId(records: readonly XmlNode[]): Map<string, XmlNode[]> {
  const map = new Map<string, XmlNode[]>();
  for (const node of records) {
    const id = recordId(node) ?? '?';
    map.set(id, [...(map.get(id) ?? []), node]);
  }
  return map;
}

function take(map: Map<string, XmlNode[]>, id: string, like: XmlNode): XmlNode | undefined {
  const list = map.get(id);
  if (list === undefined || list.length === 0) return undefined;
  const index = Math.max(
    0,
    list.findIndex((n) => differs(like, n) === undefined),
  );
  const [node] = list.splice(index, 1);
  return node;
}

function compareRecords(
  ours: readonly DecodedRecord[],
  problems: readonly EvtxProblem[],
  libItems: readonly XmlNode[],
  libRecovered: readonly XmlNode[],
  python: readonly XmlNode[],
): Difference[] {
  const lib = byId([...libItems, ...libRecovered]);
  const recoveredByLib = new Set(libRecovered);
  const py = byId(python);
  const out: Difference[] = [];
  for (const record of ours) {
    const tree = parseXml(record.xml ?? '')[0];
    // The references key records by the XML's EventRecordID, which can differ from the header's.
    const id = (tree && recordId(tree)) ?? String(record.recordId);
    if (tree === undefined) {
      out.push({ recordId: id, kind: 'ours-only', reason: 'our XML does not parse', detail: '' });
      continue;
    }
    const l = take(lib, id, tree);
    const p = take(py, id, tree);
    const dl = l === undefined ? undefined : differs(tree, l);
    const dp = p === undefined ? undefined : differs(tree, p);
    if (l !== undefined && p !== undefined) {
      const refs = differs(l, p);
      if (refs === undefined) {
        out.push({
          recordId: id,
          kind: dl === undefined ? 'agree-match' : 'agree-differ',
          reason: dl && `references agree, ours differs: ${dl[0]}`,
          detail: dl?.[1] ?? '',
        });
      } else {
        const which =
          dl === undefined
            ? 'ours = libevtx'
            : dp === undefined
              ? 'ours = python-evtx'
              : 'ours = neither';
        out.push({
          recordId: id,
          kind: 'disagree',
          reason: `references disagree (${refs[0]}); ${which}`,
          detail: refs[1],
        });
      }
    } else if (l !== undefined || p !== undefined) {
      const [name, d] = l !== undefined ? ['libevtx', dl] : ['python-evtx', dp];
      out.push({
        recordId: id,
        kind: 'one-reference',
        reason: d && `only ${name} has the record; ours differs: ${d[0]}`,
        detail: d?.[1] ?? '',
      });
    } else {
      const reason = record.recovered
        ? 'recovered by us from slack space only (--recover)'
        : 'read by us only (both references fail on or skip it)';
      out.push({
        recordId: id,
        kind: 'ours-only',
        reason,
        detail: `@0x${record.offset.toString(16)}`,
      });
    }
  }
  const damaged = problems.some((p) => p.kind === 'skipped');
  for (const [name, map] of [
    ['libevtx', lib],
    ['python-evtx', py],
  ] as const) {
    for (const [id, left] of map) {
      for (const node of left) {
        const what = recoveredByLib.has(node)
          ? `${name} recovers (from slack space) a record`
          : `${name} reads a record`;
        out.push(
          damaged
            ? {
                recordId: id,
                kind: 'missing',
                reason: `${what} we skip as damaged (reported)`,
                detail: problems.find((p) => p.kind === 'skipped')?.message ?? '',
              }
            : { recordId: id, kind: 'lost', reason: `${what} we lost silently`, detail: '' },
        );
      }
    }
  }
  return out;
}

const PYTHON_TIMEOUT_MS = Number(process.env['SPELUNK_EVTX_PYTHON_TIMEOUT'] ?? 180_000);
const PYTHON_PARALLEL = 2;
const EXAMPLES = 3;

interface FileResult {
  readonly file: string;
  readonly ours: number;
  readonly oursRecovered: number;
  readonly libevtx: { items: number; recovered: number; failed: string | undefined };
  readonly python: { records: number; failed: string | undefined };
  readonly differences: readonly Difference[];
}

/** Counts by reason, with the first few examples of each. */
class Tally {
  readonly counts = new Map<string, { n: number; examples: string[] }>();

  add(reason: string, example: string): void {
    const entry = this.counts.get(reason) ?? { n: 0, examples: [] };
    entry.n++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(example);
    this.counts.set(reason, entry);
  }

  print(indent = '    '): void {
    for (const [reason, { n, examples }] of [...this.counts].sort((a, b) => b[1].n - a[1].n)) {
      console.log(`${indent}${String(n).padStart(6)}  ${reason}`);
      for (const example of examples) console.log(`${indent}        e.g. ${example}`);
    }
  }
}

async function compareFile(file: string, python: Promise<ToolRun>): Promise<FileResult> {
  // With recovery, so that the records libevtx calls recovered (slack space) are compared too.
  const ours = decodeOurs(file, 'evtxexport', true);
  const items = await runTool('evtxexport', ['-f', 'xml', file], 120_000);
  const recovered = await runTool('evtxexport', ['-f', 'xml', '-m', 'recovered', file], 120_000);
  const libItems = parseEvtxexport(items.stdout);
  const libRecovered = parseEvtxexport(recovered.stdout);
  const py = await python;
  const pyRecords = parseXml(py.stdout).flatMap((n) => (n.name === 'Events' ? n.children : [n]));
  const differences = compareRecords(
    ours.records,
    ours.problems,
    libItems,
    libRecovered,
    pyRecords,
  );
  return {
    file,
    ours: ours.records.filter((r) => !r.recovered).length,
    oursRecovered: ours.records.filter((r) => r.recovered).length,
    libevtx: { items: libItems.length, recovered: libRecovered.length, failed: items.failed },
    python: { records: pyRecords.length, failed: py.failed },
    differences,
  };
}

/** Starts python-evtx on every file, a few at a time, as soon as it is called. */
function startPython(files: readonly string[]): Map<string, Promise<ToolRun>> {
  const runs = new Map<string, Promise<ToolRun>>();
  if (process.env['SPELUNK_EVTX_PYTHON'] === '0') {
    for (const file of files)
      runs.set(file, Promise.resolve({ stdout: '', failed: 'skipped (SPELUNK_EVTX_PYTHON=0)' }));
    return runs;
  }
  let next = 0;
  const starters: (() => void)[] = [];
  const launch = (file: string): Promise<ToolRun> =>
    new Promise((resolve) =>
      starters.push(() => resolve(runTool('evtx_dump.py', [file], PYTHON_TIMEOUT_MS))),
    );
  for (const file of files) runs.set(file, launch(file));
  const worker = async (): Promise<void> => {
    while (next < starters.length) {
      const start = starters[next++] as () => void;
      const file = files[next - 1] as string;
      start();
      await runs.get(file);
    }
  };
  for (let i = 0; i < PYTHON_PARALLEL; i++) void worker();
  return runs;
}

const section: ConformanceSection = {
  name: 'evtx',
  description: 'EVTX reader vs libevtx (evtxexport) and python-evtx (evtx_dump.py), per record',
  async run() {
    const hardFailures: string[] = [];
    const { unique: all, total } = corpusEvtxFiles();
    // SPELUNK_EVTX_ONLY=<text> keeps the files whose path contains it (for working on one file).
    const only = process.env['SPELUNK_EVTX_ONLY'];
    const unique = only === undefined ? all : all.filter((f) => f.includes(only));
    console.log(
      `  files: ${total} .evtx, ${unique.length} distinct by content; python-evtx runs ${PYTHON_PARALLEL} at a time, ${PYTHON_TIMEOUT_MS / 1000} s per file`,
    );
    const python = startPython(unique);
    const reasons = new Tally();
    const refFailures = new Tally();
    let ours = 0;
    let oursRecovered = 0;
    let libItems = 0;
    let libRecovered = 0;
    let pyRecords = 0;
    const outcome = {
      agreeMatch: 0,
      agreeDiffer: 0,
      disagree: 0,
      onlyOne: 0,
      oursOnly: 0,
      missing: 0,
    };
    for (const file of unique) {
      let result: FileResult;
      try {
        result = await compareFile(file, python.get(file) as Promise<ToolRun>);
      } catch (error) {
        hardFailures.push(
          `${shortName(file)}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        continue;
      }
      ours += result.ours;
      oursRecovered += result.oursRecovered;
      libItems += result.libevtx.items;
      libRecovered += result.libevtx.recovered;
      pyRecords += result.python.records;
      const name = shortName(file);
      if (result.libevtx.failed) {
        refFailures.add(
          `libevtx fails (we read ${result.ours} records)`,
          `${name}: ${result.libevtx.failed} after ${result.libevtx.items}`,
        );
      }
      if (result.python.failed) {
        refFailures.add(
          `python-evtx fails (we read ${result.ours} records)`,
          `${name}: ${result.python.failed} after ${result.python.records}`,
        );
      }
      for (const d of result.differences) {
        if (d.kind === 'agree-match') outcome.agreeMatch++;
        else if (d.kind === 'agree-differ') outcome.agreeDiffer++;
        else if (d.kind === 'disagree') outcome.disagree++;
        else if (d.kind === 'one-reference') outcome.onlyOne++;
        else if (d.kind === 'ours-only') outcome.oursOnly++;
        else outcome.missing++;
        if (d.reason !== undefined)
          reasons.add(d.reason, `${name} record ${d.recordId}: ${d.detail}`);
        if (d.kind === 'lost') hardFailures.push(`${name} record ${d.recordId}: ${d.detail}`);
      }
    }
    console.log(
      `  records: ours ${ours} (+${oursRecovered} with --recover); libevtx ${libItems} (+${libRecovered} it calls recovered); python-evtx ${pyRecords}`,
    );
    console.log(
      `  records where both references agree: ${outcome.agreeMatch + outcome.agreeDiffer}, ours equal ${outcome.agreeMatch}, ours differ ${outcome.agreeDiffer}`,
    );
    console.log(
      `  records where the references disagree: ${outcome.disagree}; read by one reference only: ${outcome.onlyOne}; by us only: ${outcome.oursOnly}; read by a reference, not by us: ${outcome.missing}`,
    );
    console.log(
      '  differences by reason (normalised: hex padding, size_t, GUID case, booleans, time precision, base64):',
    );
    reasons.print();
    console.log('  files a reference fails on:');
    refFailures.print();
    return { hardFailures };
  },
};

export default section;
