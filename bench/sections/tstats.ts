// `tstats`: tstats over Endpoint.Processes computed from a million Sysmon events, next to the equivalent raw sysmon search and a floor.
import type { Event, EventSource } from '../../src/core/event.ts';
import { runPlans } from '../../src/engine/index.ts';
import type { KnowledgeBase } from '../../src/knowledge/compile/compile-knowledge.ts';
import { loadDataModels } from '../../src/knowledge/datamodels/load/load-data-models.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';
import { BUILTIN_MACROS } from '../../src/spl/macros/builtin-macros.ts';
import { defineMacro, macroLibrary } from '../../src/spl/macros/macro.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { type BenchSection, bestOf, rate, ratio } from '../harness.ts';

const SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
const EVENTS = 1_000_000;
const BATCH = 1024;
const ROUNDS = 5;

/** The by-fields of ESCU's "Windows Devtunnels Execution", without their `Processes.` prefix. */
const BY = [
  'process',
  'vendor_product',
  'user_id',
  'process_hash',
  'parent_process_name',
  'parent_process_exec',
  'action',
  'dest',
  'process_current_directory',
  'process_path',
  'process_integrity_level',
  'original_file_name',
  'parent_process',
  'parent_process_path',
  'parent_process_guid',
  'parent_process_id',
  'process_guid',
  'process_id',
  'user',
  'process_name',
];

const MACROS = macroLibrary(BUILTIN_MACROS, [
  defineMacro(
    'security_content_summariesonly',
    [],
    'summariesonly=false allow_old_summaries=true fillnull_value=null',
    'bench',
  ),
]);

/** Each pair: a tstats search and the raw search that computes the same from the same events. */
const PAIRS: readonly { label: string; tstats: string; raw: string }[] = [
  {
    label: 'Windows Devtunnels Execution (WHERE on two fields, 20 by-fields)',
    tstats: `| tstats \`security_content_summariesonly\` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.original_file_name="devtunnel.dll" OR Processes.process_name="devtunnel.exe" by ${BY.map((f) => `Processes.${f}`).join(' ')} | \`drop_dm_object_name(Processes)\``,
    raw: `source="${SOURCE}" EventCode=1 (original_file_name="devtunnel.dll" OR process_name="devtunnel.exe") | fillnull value=null ${BY.join(' ')} | stats count min(_time) as firstTime max(_time) as lastTime by ${BY.join(' ')}`,
  },
  {
    label: 'every process launch counted by name (no WHERE: the whole dataset projected)',
    tstats:
      '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | `drop_dm_object_name(Processes)`',
    raw: `source="${SOURCE}" EventCode=1 | stats count by process_name`,
  },
];

const CODES = ['1', '3', '7', '7', '7', '10', '11', '13', '22'];

/** A fresh Sysmon event (as the reader gives it: Data items, no add-on fields). */
function sysmonEvent(i: number): Event {
  const code = CODES[i % CODES.length] as string;
  const tool = i % 5000 === 1 ? 'devtunnel' : `tool${i % 30}`;
  const base: Event = {
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
    ProcessGuid: `{6B0E5F2A-1C07-6500-9600-${String(i).padStart(12, '0')}}`,
    ProcessId: String(1000 + (i % 4000)),
    Image: `C:\\Users\\u${i % 20}\\AppData\\Local\\Temp\\${tool}.exe`,
    User: 'CORP\\dana',
  };
  if (code === '1') {
    base['CommandLine'] = `${tool}.exe --arg ${i}`;
    base['CurrentDirectory'] = 'C:\\Users\\dana\\';
    base['IntegrityLevel'] = 'Medium';
    base['Hashes'] =
      'MD5=0F1E2D3C4B5A69788796A5B4C3D2E1F0,IMPHASH=FFEEDDCCBBAA99887766554433221100';
    base['ParentProcessGuid'] = '{6B0E5F2A-1C07-6500-9600-000000000001}';
    base['ParentProcessId'] = '900';
    base['ParentImage'] = 'C:\\Windows\\explorer.exe';
    base['ParentCommandLine'] = 'explorer.exe';
    base['OriginalFileName'] = tool === 'devtunnel' ? 'devtunnel.dll' : 'tool.exe';
  } else if (code === '3') {
    base['Protocol'] = 'tcp';
    base['DestinationIp'] = '203.0.113.9';
    base['DestinationPort'] = '443';
  } else if (code === '7') {
    base['ImageLoaded'] = `C:\\Windows\\System32\\lib${i % 40}.dll`;
  } else if (code === '11') {
    base['TargetFilename'] = `C:\\Users\\u${i % 20}\\Downloads\\f${i}.txt`;
  } else if (code === '13') {
    base['TargetObject'] = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\x';
    base['Details'] = 'DWORD (0x00000001)';
  } else if (code === '22') {
    base['QueryName'] = 'example.org';
  }
  return base;
}

/** The same million events for every variant, made batch by batch (none is kept). */
async function* generated(): EventSource {
  for (let start = 0; start < EVENTS; start += BATCH) {
    const batch: Event[] = [];
    for (let i = start; i < Math.min(EVENTS, start + BATCH); i++) batch.push(sysmonEvent(i));
    yield batch;
  }
}

function compile(spl: string, dataModels = loadDataModels().dataModels): Plan {
  const compiled = compileSpl(spl, { macros: MACROS, dataModels });
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return compiled.value;
}

async function runOne(plan: Plan, knowledge: KnowledgeBase): Promise<number> {
  let rows = 0;
  await runPlans([{ plan, context: { emit: (r) => (rows += r.length) } }], generated(), knowledge);
  return rows;
}

/** Runs every variant once per round, keeping each one's best: load drift hits all alike. */
async function interleaved(variants: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  const best = variants.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < variants.length; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      best[i] = Math.min(best[i] as number, await bestOf(1, variants[i] as () => unknown));
    }
  }
  return best;
}

const section: BenchSection = {
  name: 'tstats',
  description:
    'tstats on Endpoint.Processes over 1M Sysmon events vs the equivalent raw sysmon search (target: within 1.2x), next to a generate-only floor',
  async run() {
    const knowledge = loadFieldKnowledge().base;
    const dataModels = loadDataModels().dataModels;
    const rows: number[] = [];
    const variants: (() => Promise<unknown>)[] = [
      async () => {
        for await (const _batch of generated());
      },
    ];
    for (const pair of PAIRS) {
      for (const spl of [pair.raw, pair.tstats]) {
        const plan = compile(spl, dataModels);
        const slot = rows.length;
        rows.push(0);
        variants.push(async () => {
          rows[slot] = await runOne(plan, knowledge);
        });
      }
    }
    const [floor = 0, ...times] = await interleaved(variants);
    console.log(
      `  floor: generate ${EVENTS} Sysmon events (1/9 process launches)  ${floor.toFixed(0)} ms  ${rate(EVENTS, floor)}`,
    );
    PAIRS.forEach((pair, p) => {
      const raw = times[2 * p] ?? 0;
      const tstats = times[2 * p + 1] ?? 0;
      console.log(`  ${pair.label}`);
      console.log(
        `    raw sysmon search: ${raw.toFixed(0)} ms  ${rate(EVENTS, raw)}  ${ratio(raw, floor)} of floor  (${rows[2 * p]} rows)`,
      );
      console.log(
        `    tstats:            ${tstats.toFixed(0)} ms  ${rate(EVENTS, tstats)}  ${ratio(tstats, floor)} of floor  (${rows[2 * p + 1]} rows)  tstats/raw ${ratio(tstats, raw)}`,
      );
    });
  },
};

export default section;
