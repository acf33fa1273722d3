// Bench `sigma`: every SigmaHQ Windows rule in one matcher over 100,000 synthetic Sysmon events,
// next to a floor that only reads the same events' fields; CPU time next to wall time.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Event } from '../../src/core/event.ts';
import { xorshift32 as random } from '../../src/core/seeded-random.ts';
import {
  compileSigmaRules,
  createSigmaMatcher,
  loadSigmaRuleSet,
  readSigmaFiles,
  type SigmaMatcher,
} from '../../src/sigma/index.ts';
import { type BenchSection, REPO_ROOT, rate, ratio } from '../harness.ts';

const EVENT_COUNT = 100_000;
const PASSES = 5;
const CORPUS = path.resolve(
  process.env['SPELUNK_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'),
);
const SIGMA_DIRS = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'];

const USERS = [
  'CORP\\alice',
  'CORP\\bob',
  'NT AUTHORITY\\SYSTEM',
  'CORP\\svc_backup',
  'WS01\\admin',
];
const BINARIES = [
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\explorer.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft VS Code\\Code.exe',
  'C:\\Windows\\System32\\rundll32.exe',
  'C:\\Windows\\System32\\conhost.exe',
  'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
  'C:\\Users\\alice\\AppData\\Local\\Temp\\setup.exe',
  'C:\\Windows\\System32\\schtasks.exe',
  'C:\\Windows\\System32\\reg.exe',
  'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
  'C:\\Windows\\System32\\msiexec.exe',
  'C:\\Windows\\System32\\certutil.exe',
];
const ARGUMENTS = [
  '-k netsvcs -p -s Schedule',
  '/c echo hello > nul',
  '-NoProfile -ExecutionPolicy Bypass -File C:\\scripts\\inventory.ps1',
  '--type=renderer --field-trial-handle=1740,15921 --lang=en-US',
  'tunnel --accept-server-license-terms',
  'C:\\Windows\\System32\\shell32.dll,Control_RunDLL',
  '/create /tn "Updater" /tr C:\\Users\\alice\\update.exe /sc daily',
  'query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
  '/i C:\\Users\\alice\\Downloads\\tool.msi /quiet',
  '-urlcache -split -f http://example.test/payload.bin',
  '0xffffffff -ForceV1',
  '',
];
const DOMAINS = [
  'www.example.com',
  'login.microsoftonline.com',
  'update.googleapis.com',
  'global.rel.tunnels.api.visualstudio.com',
  'cdn.test.net',
];
const FILES = [
  'C:\\Users\\alice\\AppData\\Local\\Temp\\tmp1234.tmp',
  'C:\\Windows\\Prefetch\\CMD.EXE-0BD30981.pf',
  'C:\\Users\\bob\\Documents\\report.docx',
  'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\run.lnk',
];
const KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
  'HKU\\S-1-5-21-1\\Software\\Classes\\ms-settings\\shell\\open\\command',
  'HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings',
];
const EVENT_MIX = [1, 1, 1, 1, 3, 3, 5, 7, 7, 7, 10, 11, 11, 12, 13, 13, 22, 23];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** A mixed stream of Sysmon events with the fields Sysmon writes for each EventID. */
export function syntheticSysmonEvents(count: number): Event[] {
  const next = random(0x5eed);
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const eventId = pick(next, EVENT_MIX);
    const image = pick(next, BINARIES);
    const base: Event = {
      _time: 1_700_000_000 + i,
      EventID: String(eventId),
      EventCode: String(eventId),
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: `WS${(i % 50).toString().padStart(2, '0')}.corp.example`,
      Name: 'Microsoft-Windows-Sysmon',
      UtcTime: '2024-05-01 10:00:00.000',
      ProcessGuid: `{5770385f-c22a-${(i & 0xffff).toString(16).padStart(4, '0')}-0000-0010f2a1b200}`,
      ProcessId: String(1000 + (i % 30000)),
      Image: image,
      User: pick(next, USERS),
    };
    const file = image.slice(image.lastIndexOf('\\') + 1);
    switch (eventId) {
      case 1:
        Object.assign(base, {
          CommandLine: `"${image}" ${pick(next, ARGUMENTS)}`,
          CurrentDirectory: 'C:\\Windows\\system32\\',
          ParentImage: pick(next, BINARIES),
          ParentCommandLine: `${pick(next, BINARIES)} ${pick(next, ARGUMENTS)}`,
          OriginalFileName: file,
          Description: 'Windows host process',
          Product: 'Microsoft® Windows® Operating System',
          Company: 'Microsoft Corporation',
          IntegrityLevel: pick(next, ['Medium', 'High', 'System']),
          Hashes: `SHA1=${(i * 2654435761).toString(16)},MD5=0123456789ABCDEF,IMPHASH=${(i % 977).toString(16).padStart(32, '0')}`,
        });
        break;
      case 3:
        Object.assign(base, {
          Protocol: 'tcp',
          Initiated: 'true',
          SourceIp: `10.0.${i % 255}.${(i * 7) % 255}`,
          DestinationIp: `93.184.${i % 255}.34`,
          DestinationPort: pick(next, ['443', '80', '445', '3389', '8080']),
          DestinationHostname: pick(next, DOMAINS),
        });
        break;
      case 7:
        Object.assign(base, {
          ImageLoaded: pick(next, [
            'C:\\Windows\\System32\\ntdll.dll',
            'C:\\Windows\\System32\\amsi.dll',
            'C:\\Windows\\System32\\dbghelp.dll',
          ]),
          Signed: 'true',
          Signature: 'Microsoft Windows',
          SignatureStatus: 'Valid',
        });
        break;
      case 10:
        Object.assign(base, {
          SourceImage: image,
          TargetImage: pick(next, BINARIES),
          GrantedAccess: pick(next, ['0x1010', '0x1fffff', '0x1410']),
          CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00000000)',
        });
        break;
      case 11:
      case 23:
        Object.assign(base, {
          TargetFilename: pick(next, FILES),
          CreationUtcTime: '2024-05-01 09:59:59.000',
        });
        break;
      case 12:
      case 13:
        Object.assign(base, {
          EventType: eventId === 12 ? 'CreateKey' : 'SetValue',
          TargetObject: pick(next, KEYS),
          Details: pick(next, ['DWORD (0x00000001)', '(Empty)', image]),
        });
        break;
      case 22:
        Object.assign(base, {
          QueryName: pick(next, DOMAINS),
          QueryStatus: '0',
          QueryResults: '::ffff:93.184.216.34;',
        });
        break;
    }
    events.push(base);
  }
  return events;
}

interface PassTimes {
  readonly wallMs: number[];
  readonly cpuMs: number[];
}

/** Wall and CPU time of each pass: on a shared machine wall time swings with the others' load. */
function timePasses(passes: number, run: (pass: number) => void): PassTimes {
  const times: PassTimes = { wallMs: [], cpuMs: [] };
  for (let pass = 0; pass < passes; pass++) {
    global.gc?.();
    const cpu = process.cpuUsage();
    const started = performance.now();
    run(pass);
    times.wallMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    times.cpuMs.push((used.user + used.system) / 1000);
  }
  return times;
}

/** `best rate (every pass in ms)` for wall and CPU time, and the ratio to the floor's CPU time. */
function describe(times: PassTimes, floor: PassTimes): string {
  const list = (ms: number[]) => ms.map((m) => m.toFixed(0)).join(' ');
  const bestWall = Math.min(...times.wallMs);
  const bestCpu = Math.min(...times.cpuMs);
  return `CPU ${rate(EVENT_COUNT, bestCpu)} (${list(times.cpuMs)} ms), wall ${rate(EVENT_COUNT, bestWall)} (${list(times.wallMs)} ms); ${ratio(bestCpu, Math.min(...floor.cpuMs))} the floor's CPU time`;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const section: BenchSection = {
  name: 'sigma',
  description: `SigmaHQ Windows rules in one matcher over ${EVENT_COUNT.toLocaleString('en-US')} synthetic Sysmon events`,
  async run() {
    if (!existsSync(path.join(CORPUS, 'sigma'))) {
      console.log(`skipped: no corpus at ${CORPUS}`);
      return;
    }
    let started = performance.now();
    const files = readSigmaFiles(SIGMA_DIRS.map((d) => path.join(CORPUS, 'sigma', d)));
    const loaded = loadSigmaRuleSet(files.sources, files.diagnostics);
    const windows = {
      ...loaded,
      rules: loaded.rules.filter((r) => r.logsource.product === 'windows'),
    };
    const loadMs = performance.now() - started;
    started = performance.now();
    const compiled = compileSigmaRules(windows);
    const compileMs = performance.now() - started;
    const events = syntheticSysmonEvents(EVENT_COUNT);
    console.log(
      `rules: ${windows.rules.length} Windows rules loaded in ${(loadMs / 1000).toFixed(1)} s; ${compiled.rules.length} compiled in ${(compileMs / 1000).toFixed(1)} s (${compiled.inactive.length} inactive: no mapping or placeholder), ${compiled.predicates.length.toLocaleString('en-US')} distinct predicates`,
    );
    console.log(
      `load average before matching: ${loadAverage()} (${os.availableParallelism()} cores)`,
    );
    const floor = timePasses(PASSES, () => {
      let n = 0;
      for (const e of events) {
        for (const key in e) {
          const v = e[key];
          n += typeof v === 'string' ? v.length : 1;
        }
      }
      return n;
    });
    console.log(`floor (iterate and read every field): ${describe(floor, floor)}`);

    const matcher = createSigmaMatcher(compiled);
    started = performance.now();
    for (const e of events.slice(0, 2000)) matcher.match(e);
    const warmMs = performance.now() - started;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    let matches = 0;
    const before = { ...matcher.stats };
    const runPass = (m: SigmaMatcher, stream: readonly Event[]) => () => {
      matches = 0;
      for (let i = 0; i < stream.length; i++) {
        matches += m.match(stream[i] as Event).length;
        if ((i & 8191) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    };
    const same = timePasses(PASSES, runPass(matcher, events));
    const runs = matcher.stats.events - before.events;
    const perEvent = (n: number) => (n / runs).toFixed(1);
    const evaluations = `${perEvent(matcher.stats.predicateEvaluations - before.predicateEvaluations)} predicate evaluations, ${perEvent(matcher.stats.ruleEvaluations - before.ruleEvaluations)} rule evaluations (of ${compiled.rules.length} rules); ${matcher.stats.programs} route programs built in the first ${warmMs.toFixed(0)} ms`;
    const memory = `peak RSS ${(peakRss / 1e6).toFixed(0)} MB, heap ${(heapBefore / 1e6).toFixed(0)} MB after compiling and warming (events included)`;
    console.log(
      `sigma match: ${describe(same, floor)}; ${matches.toLocaleString('en-US')} rule matches per pass`,
    );

    // A reader hands over new strings for every event: their hashes are not computed yet.
    const fresh: PassTimes = { wallMs: [], cpuMs: [] };
    for (let pass = 0; pass < PASSES; pass++) {
      const copies = JSON.parse(JSON.stringify(events)) as Event[];
      const times = timePasses(1, runPass(matcher, copies));
      fresh.wallMs.push(...times.wallMs);
      fresh.cpuMs.push(...times.cpuMs);
    }
    console.log(`  events as new copies (as read from a file): ${describe(fresh, floor)}`);
    const unmemoised = createSigmaMatcher(compiled, { memoEntries: 0 });
    for (const e of events.slice(0, 2000)) unmemoised.match(e);
    const noMemo = timePasses(PASSES, runPass(unmemoised, events));
    console.log(`  without value memos (every value scanned): ${describe(noMemo, floor)}`);
    console.log(`load average after matching: ${loadAverage()}`);
    console.log(`per event: ${evaluations}`);
    console.log(`memory while matching: ${memory}`);
  },
};

export default section;
