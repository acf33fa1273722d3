// `knowledge`: the cost of the built-in field knowledge per event, for a search's fields and for all of them, next to a copy-only floor.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Event } from '../../src/core/event.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import { createKnowledgeApplier } from '../../src/knowledge/apply/field-knowledge.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';
import type { FieldNeed } from '../../src/spl/operators/field-need.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { BENCH_TMP, type BenchSection, bestOf, rate, ratio } from '../harness.ts';

const SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

/** Seed 004 with its macros written out (sysmon, ctime; the filter macro is empty). */
const SEED_004 = `(source="${SOURCE}" OR sourcetype="${SOURCE}") EventID=7
ImageLoaded="*\\\\AppData\\\\Local\\\\Temp\\\\.net\\\\devtunnel\\\\*" ImageLoaded="*devtunnel.dll"
| fillnull
| stats count min(_time) as firstTime max(_time) as lastTime
  by Computer ImageLoaded EventID loaded_file loaded_file_path process_exec process_guid
     process_hash process_id process_name process_path service_dll_signature_exists
     service_dll_signature_verified signature_id user_id vendor_product
| rename Computer as dest`;

/** Sysmon events of the common event codes, each with the fields its event ID has. */
function sysmonEvents(n: number): Event[] {
  const events: Event[] = [];
  for (let i = 0; i < n; i++) {
    const code = ['1', '3', '7', '7', '7', '10', '11', '13', '22'][i % 9] as string;
    const image = `C:\\Users\\u${i % 20}\\AppData\\Local\\Temp\\tool${i % 30}.exe`;
    const process = {
      ProcessGuid: `{6B0E5F2A-1C07-6500-9600-${String(i).padStart(12, '0')}}`,
      ProcessId: String(1000 + (i % 4000)),
      Image: image,
      User: 'CORP\\dana',
    };
    const byCode: Record<string, Event> = {
      '1': {
        ...process,
        CommandLine: `tool${i % 30}.exe --arg ${i}`,
        CurrentDirectory: 'C:\\Users\\dana\\',
        IntegrityLevel: 'Medium',
        Hashes: 'MD5=0F1E2D3C4B5A69788796A5B4C3D2E1F0,IMPHASH=FFEEDDCCBBAA99887766554433221100',
        ParentProcessGuid: '{6B0E5F2A-1C07-6500-9600-000000000001}',
        ParentProcessId: '900',
        ParentImage: 'C:\\Windows\\explorer.exe',
        ParentCommandLine: 'explorer.exe',
        OriginalFileName: 'tool.exe',
      },
      '3': {
        ...process,
        Protocol: 'tcp',
        Initiated: 'true',
        SourceIp: '10.0.0.5',
        SourcePort: String(50000 + (i % 1000)),
        DestinationIp: '203.0.113.9',
        DestinationHostname: '-',
        DestinationPort: '443',
      },
      '7': {
        ...process,
        ImageLoaded: `C:\\Windows\\System32\\lib${i % 40}.dll`,
        Hashes: 'MD5=0F1E2D3C4B5A69788796A5B4C3D2E1F0,IMPHASH=FFEEDDCCBBAA99887766554433221100',
        Signed: 'true',
        Signature: 'Microsoft Windows',
        SignatureStatus: 'Valid',
        OriginalFileName: `lib${i % 40}.dll`,
      },
      '10': {
        SourceProcessGUID: '{6B0E5F2A-1C07-6500-9600-000000000002}',
        SourceProcessId: '800',
        SourceImage: image,
        TargetProcessGUID: '{6B0E5F2A-1C07-6500-9600-000000000003}',
        TargetProcessId: '700',
        TargetImage: 'C:\\Windows\\System32\\lsass.exe',
        GrantedAccess: '0x1010',
        CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9e714',
      },
      '11': { ...process, TargetFilename: `C:\\Users\\u${i % 20}\\Downloads\\f${i}.txt` },
      '13': {
        ...process,
        EventType: 'SetValue',
        TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\x',
        Details: 'DWORD (0x00000001)',
      },
      '22': {
        ...process,
        QueryName: 'example.org',
        QueryStatus: '0',
        QueryResults: 'type:  5 cdn.example.net;::ffff:198.51.100.7;',
      },
    };
    events.push({
      _time: 1_700_000_000 + i,
      index: 'wineventlog',
      host: `ws${i % 50}.corp.example`,
      source: SOURCE,
      sourcetype: 'XmlWinEventLog',
      EventID: code,
      EventCode: code,
      EventRecordID: String(i),
      Computer: `ws${i % 50}.corp.example`,
      UserID: 'S-1-5-18',
      ...byCode[code],
    });
  }
  return events;
}

function compile(spl: string): Plan {
  const compiled = compileSpl(spl);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return compiled.value;
}

/** XmlWinEventLog lines of Sysmon event 7, for the end-to-end figures. */
function writeXml(file: string, n: number): void {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>7</EventID><Version>3</Version><Level>4</Level><Task>7</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2026-03-02T10:15:30.123456700Z'/><EventRecordID>${i}</EventRecordID><Correlation/><Execution ProcessID='3120' ThreadID='4410'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws${i % 50}.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='UtcTime'>2026-03-02 10:15:30.120</Data><Data Name='ProcessGuid'>{6B0E5F2A-1C07-6500-9600-000000000E03}</Data><Data Name='ProcessId'>7788</Data><Data Name='Image'>C:\\Users\\u${i % 20}\\AppData\\Local\\Temp\\.net\\devtunnel\\x\\devtunnel.exe</Data><Data Name='ImageLoaded'>C:\\Users\\u${i % 20}\\AppData\\Local\\Temp\\.net\\devtunnel\\x\\${i % 100 === 0 ? 'devtunnel' : `lib${i % 40}`}.dll</Data><Data Name='Hashes'>MD5=0F1E2D3C4B5A69788796A5B4C3D2E1F0</Data><Data Name='Signed'>true</Data><Data Name='Signature'>Microsoft</Data><Data Name='SignatureStatus'>Valid</Data><Data Name='User'>CORP\\dana</Data></EventData></Event>`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Runs every variant once per round, `rounds` times, keeping each one's best: load drift hits all alike. */
async function interleaved(
  rounds: number,
  variants: readonly (() => Promise<unknown> | unknown)[],
): Promise<number[]> {
  const best = variants.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      // `npm run bench` runs node with --expose-gc: no variant pays for the garbage of another.
      (globalThis as { gc?: () => void }).gc?.();
      const ms = await bestOf(1, variants[i] as () => unknown);
      best[i] = Math.min(best[i] as number, ms);
    }
  }
  return best;
}

const section: BenchSection = {
  name: 'knowledge',
  description:
    'built-in knowledge per event (only the fields a search reads vs all) next to a copy-only floor; seed 004 end to end',
  async run() {
    const { base } = loadFieldKnowledge();
    const events = sysmonEvents(50_000);
    const seed = compile(SEED_004);
    const needs: [string, FieldNeed][] = [
      ['one field (process_name)', new Set(['process_name'])],
      [`seed 004 fields (${seed.fields === 'all' ? 'all' : seed.fields.size})`, seed.fields],
      ['all fields (table *, dump)', 'all'],
    ];
    const appliers = needs.map(([, need]) => createKnowledgeApplier(base, need));
    const copyAll = () => events.map((e) => ({ ...e }));
    const [floor = 0, ...withKnowledge] = await interleaved(5, [
      copyAll,
      ...appliers.map((applier) => () => applier.apply(copyAll())),
    ]);
    console.log(
      `  floor: copy ${events.length} Sysmon events  ${floor.toFixed(1)} ms  ${rate(events.length, floor)}`,
    );
    needs.forEach(([label], i) => {
      const ms = withKnowledge[i] ?? 0;
      const steps = appliers[i]?.programFor(events[2] as Event).steps.length;
      console.log(
        `  copy + knowledge, ${label}: ${ms.toFixed(1)} ms  ${rate(events.length, ms)}  ${ratio(ms, floor)} of floor  (${steps} steps for an event 7)`,
      );
    });

    mkdirSync(BENCH_TMP, { recursive: true });
    const file = path.join(BENCH_TMP, 'knowledge-sysmon7.log');
    const n = 50_000;
    writeXml(file, n);
    const none = loadFieldKnowledge({ builtin: false }).base;
    const rows = [0, 0];
    const seedRun = (knowledge: typeof base, slot: number) => async () => {
      const plan = compile(SEED_004);
      rows[slot] = 0;
      await runPlansOverInputs(
        [{ plan, context: { emit: (r) => (rows[slot] = (rows[slot] ?? 0) + r.length) } }],
        [file],
        { knowledge },
      );
    };
    const [readOnly = 0, bare = 0, enriched = 0] = await interleaved(5, [
      async () => {
        const inputs = await openInputs([file], { needRaw: false });
        for await (const _batch of inputs.source);
      },
      seedRun(none, 0),
      seedRun(base, 1),
    ]);
    console.log(
      `  floor: read ${n} Sysmon XML events  ${readOnly.toFixed(0)} ms  ${rate(n, readOnly)}`,
    );
    console.log(
      `  seed 004, no knowledge: ${bare.toFixed(0)} ms  ${rate(n, bare)}  ${ratio(bare, readOnly)} of read floor  (${rows[0]} rows)`,
    );
    console.log(
      `  seed 004, built-in knowledge: ${enriched.toFixed(0)} ms  ${rate(n, enriched)}  ${ratio(enriched, readOnly)} of read floor  (${rows[1]} rows)`,
    );
  },
};

export default section;
