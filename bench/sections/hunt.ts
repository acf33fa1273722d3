// Bench `hunt`: the built-in pack over a synthetic stream of mixed Sysmon and Security events (mostly
// benign, a few tunnels), next to a floor that only reads and parses the same file; each run in its
// own process over the compiled build, which reports its own peak RSS (harness CHILD_PEAK_RSS).
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xorshift32 as random } from '../../src/core/seeded-random.ts';
import { BENCH_TMP, type BenchSection, CHILD_PEAK_RSS, rate, ratio } from '../harness.ts';

/** `HUNT_BENCH_EVENTS=250000,1000000` (default): the input sizes, to show memory stays flat. */
const SIZES = (process.env['HUNT_BENCH_EVENTS'] ?? '250000,1000000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
/** Rounds of (floor, hunt); each variant's best wall time is kept. */
const ROUNDS = Number(process.env['HUNT_BENCH_ROUNDS'] ?? 2);
/** One tunnel scenario (CLI start, DNS, relay connection, scheduled task) every this many events. */
const TUNNEL_EVERY = 50_000;

const SYSMON =
  "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/>";
const SECURITY =
  "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>";

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

const PROCESSES = [
  [
    'C:\\Windows\\System32\\svchost.exe',
    'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
  ],
  ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c type C:\\Users\\dev\\report.txt'],
  [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    '"chrome.exe" --type=renderer --lang=en-US',
  ],
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe -NoProfile -Command Get-Date',
  ],
  [
    'C:\\Windows\\System32\\conhost.exe',
    '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
  ],
  ['C:\\Program Files\\Git\\cmd\\git.exe', 'git.exe fetch --all --prune'],
] as const;
const VS_CODE = [
  'C:\\Program Files\\Microsoft VS Code\\Code.exe',
  '"C:\\Program Files\\Microsoft VS Code\\Code.exe" --type=renderer',
] as const;
const DLLS = [
  'ntdll.dll',
  'kernel32.dll',
  'user32.dll',
  'combase.dll',
  'crypt32.dll',
  'winhttp.dll',
];
const DOMAINS = [
  'www.example.com',
  'login.microsoftonline.com',
  'github.com',
  'update.code.visualstudio.com',
];

function system(
  eventId: number,
  provider: string,
  channel: string,
  time: string,
  host: string,
  i: number,
) {
  return `<System>${provider}<EventID>${eventId}</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='3140' ThreadID='4400'/><Channel>${channel}</Channel><Computer>${host}</Computer><Security UserID='S-1-5-18'/></System>`;
}

function data(pairs: readonly (readonly [string, string])[]): string {
  return `<EventData>${pairs.map(([n, v]) => `<Data Name='${n}'>${v.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;')}</Data>`).join('')}</EventData>`;
}

function event(
  eventId: number,
  security: boolean,
  time: string,
  host: string,
  i: number,
  pairs: readonly (readonly [string, string])[],
) {
  const channel = security ? 'Security' : 'Microsoft-Windows-Sysmon/Operational';
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system(eventId, security ? SECURITY : SYSMON, channel, time, host, i)}${data(pairs)}</Event>`;
}

/** The i-th event: Sysmon 1, 3, 7, 22, 13 and Security 4624, 4688, 4698; a tunnel scenario every TUNNEL_EVERY. */
function line(i: number, next: () => number): string {
  const time = new Date(Date.UTC(2025, 2, 1) + i * 250).toISOString().replace('Z', '0000Z');
  const host = `WS${String(1 + Math.floor(next() * 200)).padStart(3, '0')}.corp.example`;
  const user = `CORP\\user${1 + Math.floor(next() * 500)}`;
  const guid = `{4d5c1a2b-${(i & 0xffff).toString(16).padStart(4, '0')}-6630-0000-001000000000}`;
  const process = [
    ['ProcessGuid', guid],
    ['ProcessId', String(1000 + (i % 60000))],
  ] as const;
  const step = i % TUNNEL_EVERY;
  if (step < 4 && i >= TUNNEL_EVERY - 1) {
    const image = 'C:\\Users\\Public\\vscode\\code.exe';
    const tunnel = [
      () =>
        event(1, false, time, host, i, [
          ...process,
          ['Image', image],
          ['CommandLine', `"${image}" tunnel --accept-server-license-terms --name t${i}`],
          ['User', user],
          ['ParentImage', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'],
          ['ParentCommandLine', 'powershell.exe -nop -w hidden'],
          ['Hashes', 'SHA256=00AA'],
        ]),
      () =>
        event(22, false, time, host, i, [
          ...process,
          ['QueryName', 'global.rel.tunnels.api.visualstudio.com'],
          ['QueryStatus', '0'],
          ['QueryResults', '::ffff:20.84.52.170;'],
          ['Image', image],
          ['User', user],
        ]),
      () =>
        event(3, false, time, host, i, [
          ...process,
          ['Image', image],
          ['User', user],
          ['Protocol', 'tcp'],
          ['Initiated', 'true'],
          ['SourceIp', '10.1.2.3'],
          ['SourcePort', '50123'],
          ['DestinationIp', '20.84.52.170'],
          ['DestinationHostname', 'use-data.rel.tunnels.api.visualstudio.com'],
          ['DestinationPort', '443'],
        ]),
      () =>
        event(4698, true, time, host, i, [
          ['SubjectUserSid', 'S-1-5-21-1'],
          ['SubjectUserName', user.slice(5)],
          ['SubjectDomainName', 'CORP'],
          ['SubjectLogonId', '0x3e7'],
          ['TaskName', '\\VSCodeTunnel'],
          [
            'TaskContent',
            `<Task><Actions><Exec><Command>${image}</Command><Arguments>tunnel --accept-server-license-terms</Arguments></Exec></Actions></Task>`,
          ],
        ]),
    ];
    return (tunnel[step] as () => string)();
  }
  const kind = next();
  if (kind < 0.3) {
    // One process in a hundred is VS Code: seed 000, a hunting search, returns every one of them.
    const [image, commandLine] = next() < 0.01 ? VS_CODE : pick(next, PROCESSES);
    return event(1, false, time, host, i, [
      ...process,
      ['Image', image],
      ['CommandLine', commandLine],
      ['CurrentDirectory', 'C:\\Users\\dev\\'],
      ['User', user],
      ['IntegrityLevel', 'Medium'],
      ['Hashes', 'SHA256=7F1E'],
      ['ParentImage', 'C:\\Windows\\explorer.exe'],
      ['ParentCommandLine', 'C:\\Windows\\Explorer.EXE'],
    ]);
  }
  if (kind < 0.5) {
    return event(3, false, time, host, i, [
      ...process,
      ['Image', pick(next, PROCESSES)[0]],
      ['User', user],
      ['Protocol', 'tcp'],
      ['Initiated', 'true'],
      ['SourceIp', '10.1.2.3'],
      ['SourcePort', String(49152 + (i % 16000))],
      ['DestinationIp', '93.184.216.34'],
      ['DestinationHostname', pick(next, DOMAINS)],
      ['DestinationPort', '443'],
    ]);
  }
  if (kind < 0.75) {
    return event(7, false, time, host, i, [
      ...process,
      ['Image', pick(next, PROCESSES)[0]],
      ['ImageLoaded', `C:\\Windows\\System32\\${pick(next, DLLS)}`],
      ['Hashes', 'SHA256=12AB'],
      ['Signed', 'true'],
      ['Signature', 'Microsoft Windows'],
      ['SignatureStatus', 'Valid'],
      ['User', user],
    ]);
  }
  if (kind < 0.85) {
    return event(22, false, time, host, i, [
      ...process,
      ['QueryName', pick(next, DOMAINS)],
      ['QueryStatus', '0'],
      ['QueryResults', '::ffff:93.184.216.34;'],
      ['Image', pick(next, PROCESSES)[0]],
      ['User', user],
    ]);
  }
  if (kind < 0.9) {
    return event(13, false, time, host, i, [
      ...process,
      ['EventType', 'SetValue'],
      ['Image', pick(next, PROCESSES)[0]],
      [
        'TargetObject',
        'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs',
      ],
      ['Details', 'Binary Data'],
      ['User', user],
    ]);
  }
  if (kind < 0.96) {
    return event(4624, true, time, host, i, [
      ['SubjectUserSid', 'S-1-5-18'],
      ['TargetUserName', user.slice(5)],
      ['TargetDomainName', 'CORP'],
      ['LogonType', '3'],
      ['IpAddress', '10.1.2.4'],
    ]);
  }
  if (kind < 0.995) {
    const [image, commandLine] = pick(next, PROCESSES);
    return event(4688, true, time, host, i, [
      ['SubjectUserName', user.slice(5)],
      ['SubjectDomainName', 'CORP'],
      ['NewProcessName', image],
      ['CommandLine', commandLine],
      ['ParentProcessName', 'C:\\Windows\\explorer.exe'],
    ]);
  }
  return event(4698, true, time, host, i, [
    ['SubjectUserName', user.slice(5)],
    ['SubjectDomainName', 'CORP'],
    ['TaskName', '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag'],
    [
      'TaskContent',
      '<Task><Actions><Exec><Command>%windir%\\system32\\defrag.exe</Command><Arguments>-c -h -o</Arguments></Exec></Actions></Task>',
    ],
  ]);
}

async function writeStream(file: string, count: number): Promise<void> {
  const next = random(0x5eed);
  const out = createWriteStream(file);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${line(i, next)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

interface ChildFigures {
  readonly ms: number;
  readonly cpuMs: number;
  readonly events: number;
  readonly maxRssMb: number;
  readonly findings: number;
}

/** The child, in plain JavaScript over the compiled build: it measures what users run, without tsx's own memory. */
const CHILD = `${CHILD_PEAK_RSS}import { pathToFileURL } from 'node:url';
const [mode, file, compiled] = process.argv.slice(2);
const load = (m) => import(pathToFileURL(compiled + m).href);
const { createEventPump, openWorkspace, PlanConsumer, runHunt } = await load('/engine/index.js');
const { BUILTIN_CONTENT_DIR } = await load('/detection/index.js');
const { openInputs } = await load('/ingest/index.js');
const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR] });
const started = performance.now();
const cpu = process.cpuUsage();
let events = 0;
let findings = 0;
if (mode === 'floor') {
  const consumers = workspace.detections.map((d) => new PlanConsumer(d.plan, { emit: () => {} }));
  const { needsRaw } = createEventPump(consumers, { knowledge: workspace.knowledge });
  const inputs = await openInputs([file], { needRaw: needsRaw });
  for await (const batch of inputs.source) events += batch.length;
} else {
  const report = await runHunt(workspace, [file]);
  events = report.events;
  findings = report.detections.reduce((n, d) => n + d.findingCount, 0);
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, events, maxRssMb: peakRssMb(), findings }));
`;

/**
 * The compiled `src/` beside this section (`npm run bench` builds it into .bench-build/), and the
 * child script that loads it. Under tsx there is no JavaScript build to load: refused.
 */
function prepareChild(): { script: string; compiled: string } {
  const here = fileURLToPath(import.meta.url);
  if (path.extname(here) !== '.js') {
    throw new Error('bench hunt measures the compiled build: run it with npm run bench -- hunt');
  }
  const script = path.join(BENCH_TMP, 'hunt-child.mjs');
  writeFileSync(script, CHILD);
  return { script, compiled: path.join(path.dirname(here), '..', '..', 'src') };
}

/** One variant over one input in its own process over the compiled build, so its peak memory (max RSS) is its own. */
function measure(
  child: { script: string; compiled: string },
  mode: 'floor' | 'hunt',
  file: string,
): ChildFigures {
  const output = execFileSync(process.execPath, [child.script, mode, file, child.compiled], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ChildFigures;
}

/** The 1, 5 and 15-minute load averages: on a shared machine they say how far to trust wall times. */
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const section: BenchSection = {
  name: 'hunt',
  description:
    'the built-in pack over mixed Sysmon/Security XML (a tunnel scenario every 50k events) vs reading and parsing only; wall and CPU time, peak RSS per process',
  async run() {
    mkdirSync(BENCH_TMP, { recursive: true });
    const child = prepareChild();
    for (const count of SIZES) {
      const file = path.join(BENCH_TMP, `hunt-mixed-${count}.log`);
      if (!existsSync(file)) await writeStream(file, count);
      const mb = statSync(file).size / 1e6;
      let floor: ChildFigures | undefined;
      let hunt: ChildFigures | undefined;
      const rounds: string[] = [];
      const loadBefore = loadAverage();
      for (let round = 0; round < ROUNDS; round++) {
        const f = measure(child, 'floor', file);
        const h = measure(child, 'hunt', file);
        rounds.push(
          `wall ${ratio(h.ms, f.ms)} cpu ${ratio(h.cpuMs, f.cpuMs)} RSS ${f.maxRssMb.toFixed(0)}/${h.maxRssMb.toFixed(0)} MB`,
        );
        if (floor === undefined || f.ms < floor.ms) floor = f;
        if (hunt === undefined || h.ms < hunt.ms) hunt = h;
      }
      if (floor === undefined || hunt === undefined) continue;
      console.log(
        `  ${count.toLocaleString('en-US')} events, ${mb.toFixed(0)} MB of XmlWinEventLog (best of ${ROUNDS}; load average ${loadBefore} before, ${loadAverage()} after):`,
      );
      console.log(
        `    floor (read + parse)  ${(floor.ms / 1000).toFixed(1)} s  ${rate(floor.events, floor.ms)}  cpu ${(floor.cpuMs / 1000).toFixed(1)} s  peak RSS ${floor.maxRssMb.toFixed(0)} MB`,
      );
      console.log(
        `    hunt (9 detections)   ${(hunt.ms / 1000).toFixed(1)} s  ${rate(hunt.events, hunt.ms)}  cpu ${(hunt.cpuMs / 1000).toFixed(1)} s  peak RSS ${hunt.maxRssMb.toFixed(0)} MB  ${hunt.findings} findings`,
      );
      console.log(
        `    hunt / floor: wall ${ratio(hunt.ms, floor.ms)}, cpu ${ratio(hunt.cpuMs, floor.cpuMs)} (target within 1.5x; peak RSS target under 256 MB)`,
      );
      console.log(`    each round (hunt / floor; peak RSS floor/hunt): ${rounds.join('; ')}`);
    }
  },
};

export default section;
