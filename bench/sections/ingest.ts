// Bench `ingest`: the XML and JSON-lines readers (and CSV, gzip) in MB/s and events/s, next to a
// floor over the same bytes: read + decode + split into lines (+ JSON.parse for JSON lines).
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { gzipSync } from 'node:zlib';
import { xorshift32 as random } from '../../src/core/seeded-random.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import {
  BENCH_TMP,
  type BenchSection,
  megabytesPerSecond,
  REPO_ROOT,
  rate,
  ratio,
} from '../harness.ts';

const TARGET_BYTES = 64 * 1024 * 1024;
const REPEAT = 3;

const IMAGES = [
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\devtunnel.exe',
];
const COMMANDS = [
  '-k netsvcs -p',
  'tunnel --accept-server-license-terms --name box',
  '-NoProfile -EncodedCommand SQBFAFgA',
  '--type=renderer --lang=en-US --field-trial-handle=1234,i,5678',
];

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const PROCESS =
  'RuleName=-|UtcTime=2024-03-01 10:00:00.123|ProcessGuid={guid}|ProcessId={pid}|Image={image}';

/**
 * Synthetic event kinds: [EventID, channel, Data as `name=value|...`]. `{image}`, `{guid}`,
 * `{pid}`, `{cmd}`, `{i}` vary per event. Values include `®`, quotes, `&` and `<` as real ones do.
 */
const KINDS: readonly (readonly [number, string, string])[] = [
  [
    1,
    SYSMON,
    `${PROCESS}|FileVersion=10.0.19041.1|Description=Host Process|Product=Microsoft® Windows® Operating System|Company=Microsoft Corporation|OriginalFileName=svchost.exe|CommandLine="{image}" {cmd}|CurrentDirectory=C:\\Windows\\system32\\|User=CORP\\dev|LogonGuid={guid}|LogonId=0x3e7|TerminalSessionId=1|IntegrityLevel=High|Hashes=SHA256=${'AB12'.repeat(16)},IMPHASH=${'CD34'.repeat(8)}|ParentProcessGuid={guid}|ParentProcessId=812|ParentImage=C:\\Windows\\explorer.exe|ParentCommandLine=C:\\Windows\\Explorer.EXE|ParentUser=CORP\\dev`,
  ],
  [
    3,
    SYSMON,
    `${PROCESS}|User=CORP\\dev|Protocol=tcp|Initiated=true|SourceIsIpv6=false|SourceIp=10.0.0.5|SourceHostname=ws1.corp.example|SourcePort={i}|SourcePortName=-|DestinationIsIpv6=false|DestinationIp=20.42.65.92|DestinationHostname=global.rel.tunnels.api.visualstudio.com|DestinationPort=443|DestinationPortName=https`,
  ],
  [
    7,
    SYSMON,
    `${PROCESS}|ImageLoaded=C:\\Windows\\System32\\ntdll.dll|FileVersion=10.0.19041.1|Description=NT Layer DLL|Product=Microsoft® Windows® Operating System|Company=Microsoft Corporation|OriginalFileName=ntdll.dll|Hashes=SHA256=${'EF56'.repeat(16)}|Signed=true|Signature=Microsoft Windows|SignatureStatus=Valid|User=CORP\\dev`,
  ],
  [
    11,
    SYSMON,
    `${PROCESS}|TargetFilename=C:\\Users\\dev\\AppData\\Local\\Temp\\tmp{i}.tmp|CreationUtcTime=2024-03-01 10:00:00.100|User=CORP\\dev`,
  ],
  [
    13,
    SYSMON,
    `${PROCESS}|EventType=SetValue|TargetObject=HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\item{i}|Details="{image}" --minimized & <x>|User=CORP\\dev`,
  ],
  [
    4688,
    'Security',
    'SubjectUserSid=S-1-5-18|SubjectUserName=WS1$|SubjectDomainName=CORP|SubjectLogonId=0x3e7|NewProcessId=0x{i}|NewProcessName={image}|TokenElevationType=%%1936|ProcessId=0x2b90|CommandLine="{image}" {cmd}|TargetUserSid=S-1-0-0|TargetUserName=-|TargetDomainName=-|TargetLogonId=0x0|ParentProcessName=C:\\Windows\\System32\\cmd.exe|MandatoryLabel=S-1-16-12288',
  ],
];

/** The Data items of synthetic event `i`: the kinds above in turn, with varied values. */
function dataItems(
  next: () => number,
  i: number,
): { id: number; channel: string; data: [string, string][] } {
  const [id, channel, template] = KINDS[i % KINDS.length] as (typeof KINDS)[number];
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const vars: Record<string, string> = {
    image: pick(IMAGES),
    cmd: pick(COMMANDS),
    guid: `{${Math.floor(next() * 0xffffffff)
      .toString(16)
      .toUpperCase()
      .padStart(8, '0')}-1D2E-5F6A-7B8C-9D0E1F2A3B4C}`,
    pid: String(1000 + (i % 60000)),
    i: String(i % 65536),
  };
  const data = template.split('|').map((pair): [string, string] => {
    const eq = pair.indexOf('=');
    return [
      pair.slice(0, eq),
      pair.slice(eq + 1).replace(/\{(\w+)\}/g, (_, v: string) => vars[v] ?? ''),
    ];
  });
  return { id, channel, data };
}

const xmlEscape = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function xmlEvent(next: () => number, i: number): string {
  const { id, channel, data } = dataItems(next, i);
  const provider =
    channel === 'Security'
      ? "Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'"
      : "Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'";
  const time = new Date(Date.UTC(2024, 2, 1) + i * 37).toISOString().replace('Z', '1234Z');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider ${provider}/><EventID>${id}</EventID><Version>5</Version><Level>4</Level><Task>${id}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='2352' ThreadID='2980'/><Channel>${channel}</Channel><Computer>ws1.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData>${data.map(([n, v]) => `<Data Name='${n}'>${xmlEscape(v)}</Data>`).join('')}</EventData></Event>`;
}

function jsonEvent(next: () => number, i: number): string {
  const { id, channel, data } = dataItems(next, i);
  const time = new Date(Date.UTC(2024, 2, 1) + i * 37).toISOString();
  return JSON.stringify({
    '@timestamp': time,
    TimeCreated: time,
    EventID: id,
    SourceName:
      channel === 'Security' ? 'Microsoft-Windows-Security-Auditing' : 'Microsoft-Windows-Sysmon',
    Hostname: 'WS1',
    Channel: channel,
    Level: '4',
    Task: String(id),
    Keywords: '0x8000000000000000',
    ...Object.fromEntries(data),
  });
}

/** Writes `count`-free files of about TARGET_BYTES (cached in .bench-tmp between runs). */
function generate(
  name: string,
  render: (next: () => number, i: number) => string,
  header = '',
): { file: string; events: number } {
  mkdirSync(BENCH_TMP, { recursive: true });
  const file = path.join(BENCH_TMP, name);
  const next = random(42);
  const lines: string[] = [];
  let size = header.length;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const line = render(next, i);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  if (!existsSync(file) || statSync(file).size !== size)
    writeFileSync(file, `${header}${lines.join('\n')}\n`);
  return { file, events: lines.length };
}

async function floor(file: string, parseJson: boolean): Promise<number> {
  let lines = 0;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = carry + decoder.write(chunk as Buffer);
    let pos = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
      if (nl > pos) {
        if (parseJson) JSON.parse(text.slice(pos, nl));
        lines++;
      }
      pos = nl + 1;
    }
    carry = text.slice(pos);
  }
  return lines;
}

async function reader(file: string, needRaw: boolean): Promise<number> {
  let events = 0;
  const inputs = await openInputs([file], { needRaw });
  for await (const batch of inputs.source) events += batch.length;
  if (inputs.summary().skipped > 0) throw new Error(`${file}: records skipped`);
  return events;
}

interface Timing {
  ms: number;
  cpuMs: number;
  count: number;
}

/**
 * Runs the candidates in turn, REPEAT rounds, keeping each one's best wall time and the CPU time
 * of that run. Interleaving keeps a floor and its readers under the same machine load.
 */
async function measureTogether(candidates: readonly (() => Promise<number>)[]): Promise<Timing[]> {
  const best: Timing[] = candidates.map(() => ({
    ms: Number.POSITIVE_INFINITY,
    cpuMs: 0,
    count: 0,
  }));
  for (let round = 0; round < REPEAT; round++) {
    for (const [i, run] of candidates.entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const count = await run();
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const current = best[i] as Timing;
      if (ms < current.ms) best[i] = { ms, cpuMs: (used.user + used.system) / 1000, count };
    }
  }
  return best;
}

function line(label: string, bytes: number, m: Timing, floor?: Timing): void {
  const vsFloor =
    floor === undefined
      ? ''
      : `  ${ratio(m.ms, floor.ms)} floor time (CPU ${ratio(m.cpuMs, floor.cpuMs)})`;
  console.log(
    `  ${label.padEnd(44)} ${megabytesPerSecond(bytes, m.ms).padStart(12)}  ${rate(m.count, m.ms).padStart(8)} events  (CPU: ${megabytesPerSecond(bytes, m.cpuMs)})${vsFloor}`,
  );
}

/**
 * Live heap while reading, measured after a forced GC every 16 batches: what the reader retains,
 * not garbage waiting for collection. Flat memory means the same figure for any file size.
 */
async function peakLiveHeap(file: string): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = 0;
  let batches = 0;
  const inputs = await openInputs([file], { needRaw: true });
  for await (const _batch of inputs.source) {
    if (gc === undefined || ++batches % 16 !== 0) continue;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  return peak / 1e6;
}

async function runFormat(title: string, file: string, json: boolean): Promise<void> {
  const bytes = statSync(file).size;
  const [floorRun, plain, withRaw] = await measureTogether([
    () => floor(file, json),
    () => reader(file, false),
    () => reader(file, true),
  ]);
  if (floorRun === undefined || plain === undefined || withRaw === undefined) return;
  console.log(
    `\n${title}: ${(bytes / 1e6).toFixed(1)} MB, ${floorRun.count.toLocaleString('en-US')} events`,
  );
  line(
    json ? 'floor: read, decode, split, JSON.parse' : 'floor: read, decode, split into lines',
    bytes,
    floorRun,
  );
  line('reader (needRaw=false)', bytes, plain, floorRun);
  line('reader (needRaw=true)', bytes, withRaw, floorRun);
}

function writeCsv(): string {
  const file = path.join(BENCH_TMP, 'ingest-events.csv');
  if (existsSync(file)) return file;
  const next = random(7);
  const rows = ['_time,EventID,Channel,Computer,Image,CommandLine,User'];
  for (let i = 0; i < 200_000; i++) {
    const { id, channel, data } = dataItems(next, i);
    const cell = (n: string) => `"${(data.find(([k]) => k === n)?.[1] ?? '').replace(/"/g, '""')}"`;
    rows.push(
      [1709287200 + i, id, channel, 'WS1', cell('Image'), cell('CommandLine'), cell('User')].join(
        ',',
      ),
    );
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

const section: BenchSection = {
  name: 'ingest',
  description:
    'XML and JSON-lines readers vs a read+split(+JSON.parse) floor; gzip, CSV, peak heap',
  async run() {
    const xml = generate('ingest-xmlwineventlog.log', xmlEvent);
    await runFormat(
      'XmlWinEventLog, one <Event> per line (synthetic Sysmon + Security)',
      xml.file,
      false,
    );
    const jsonl = generate('ingest-mordor.jsonl', jsonEvent);
    await runFormat('JSON lines, flat Mordor shape (synthetic)', jsonl.file, true);

    const corpusXml = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'xml');
    if (existsSync(corpusXml)) {
      const text = readdirSync(corpusXml)
        .sort()
        .map((f) => readFileSync(path.join(corpusXml, f), 'utf8'))
        .join('');
      const file = path.join(BENCH_TMP, 'ingest-corpus-xml.log');
      if (!existsSync(file)) writeFileSync(file, text.repeat(Math.ceil(32e6 / text.length)));
      await runFormat('corpus/xml replicated to ~32 MB (real Splunk XmlWinEventLog)', file, false);
    }

    const gz = path.join(BENCH_TMP, 'ingest-xmlwineventlog.log.gz');
    if (!existsSync(gz)) writeFileSync(gz, gzipSync(readFileSync(xml.file), { level: 6 }));
    const [gunzipped] = await measureTogether([() => reader(gz, false)]);
    console.log(`\ngzip: ${(statSync(gz).size / 1e6).toFixed(1)} MB compressed`);
    if (gunzipped)
      line('XML reader through gunzip (uncompressed MB/s)', statSync(xml.file).size, gunzipped);

    const csvFile = writeCsv();
    const csvBytes = statSync(csvFile).size;
    const [csvFloor, csvReader] = await measureTogether([
      () => floor(csvFile, false),
      () => reader(csvFile, false),
    ]);
    if (csvFloor === undefined || csvReader === undefined) return;
    console.log(
      `\nCSV (csv-parse): ${(csvBytes / 1e6).toFixed(1)} MB, ${(csvFloor.count - 1).toLocaleString('en-US')} rows`,
    );
    line('floor: read, decode, split into lines', csvBytes, csvFloor);
    line('reader (needRaw=false)', csvBytes, csvReader, csvFloor);

    const small = path.join(BENCH_TMP, 'ingest-xml-quarter.log');
    if (!existsSync(small)) {
      const whole = readFileSync(xml.file);
      writeFileSync(small, whole.subarray(0, whole.indexOf('\n', TARGET_BYTES / 4) + 1));
    }
    const [quarter, full] = [await peakLiveHeap(small), await peakLiveHeap(xml.file)];
    const mb = (file: string) => (statSync(file).size / 1e6).toFixed(0);
    console.log(
      `\nlive heap while reading XML with _raw (after GC, every 16 batches): ${quarter.toFixed(0)} MB for ${mb(small)} MB, ${full.toFixed(0)} MB for ${mb(xml.file)} MB`,
    );
  },
};

export default section;
