// tstats: every ESCU tstats search compiled over the data models, detections run over the corpus XML logs, and Atomic test 2 found.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import {
  compileDetection,
  type Detection,
  loadContent,
  loadSearchLibrary,
} from '../../src/detection/index.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import type { KnowledgeBase } from '../../src/knowledge/compile/compile-knowledge.ts';
import type { DataModels } from '../../src/knowledge/datamodels/data-model-provider.ts';
import { loadDataModels } from '../../src/knowledge/datamodels/load/load-data-models.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';
import type { MacroLibrary } from '../../src/spl/macros/macro.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { addExample, readDetectionSearch, yamlFiles } from '../escu-files.ts';
import { CORPUS_DIR, type ConformanceSection, corpusPath, REPO_ROOT } from '../harness.ts';

const EXAMPLES = 2;

/** Grouped by code and message, names and quoted parts left out. */
function reasonOf(d: Diagnostic): string {
  if (d.code === 'SPL501') return `${d.code} ${d.message.replace(/:.*$/, '')}`;
  return `${d.code} ${d.message.replace(/"[^"]*"|`[^`]*`/g, '…').split(': ')[0]}`;
}

function crashText(caught: unknown): string {
  return caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
}

/** Part 1: every detection whose search starts with `| tstats`, compiled with the corpus macros and lookups. */
function compileAll(dataModels: DataModels, hardFailures: string[]): void {
  const library = loadSearchLibrary({
    macros: [corpusPath('escu', 'macros')],
    lookups: [corpusPath('escu', 'lookups')],
  });
  const dir = corpusPath('escu', 'detections');
  const failures = new Map<string, string[]>();
  const unknownFields = new Map<string, number>();
  const datasets = new Map<string, number>();
  let total = 0;
  let compiled = 0;
  let routed = 0;
  let finite = 0;
  for (const file of yamlFiles(dir)) {
    const { search } = readDetectionSearch(file);
    if (search === undefined || !/^\s*\|\s*tstats\b/.test(search)) continue;
    total++;
    const relative = path.relative(dir, file);
    const from = /from\s+datamodel\s*[=:]\s*"?([\w.]+)/i.exec(search)?.[1] ?? '(no datamodel)';
    datasets.set(from, (datasets.get(from) ?? 0) + 1);
    let result: ReturnType<typeof compileSpl>;
    try {
      result = compileSpl(search, {
        macros: library.macros,
        lookups: library.lookups,
        dataModels,
        sourceName: relative,
      });
    } catch (caught) {
      hardFailures.push(`${relative}: compile crashed: ${crashText(caught)}`);
      continue;
    }
    if (!result.ok) {
      const first = result.diagnostics.find((d) => d.severity === 'error') as Diagnostic;
      addExample(failures, reasonOf(first), `${relative}: ${first.code} ${first.message}`);
      continue;
    }
    try {
      const run = result.value.start({
        emit: () => {},
        warn: (d) => {
          if (d.code !== 'SPL543') return;
          const field = /^(\S+) is not a field of the data model dataset (\S+):/.exec(d.message);
          const key = field ? `${field[2]}: ${field[1]}` : d.message;
          unknownFields.set(key, (unknownFields.get(key) ?? 0) + 1);
        },
      });
      run.finish();
    } catch (caught) {
      hardFailures.push(`${relative}: an empty run crashed: ${crashText(caught)}`);
      continue;
    }
    compiled++;
    if (result.value.route.kind === 'alternatives') routed++;
    if (result.value.fields !== 'all') finite++;
  }
  console.log(
    `tstats compiled ${compiled}/${total} (ESCU detections whose search starts with | tstats)`,
  );
  console.log(
    `  of the compiled: ${routed} have a route filter from their data model's event types, ${finite} read a known field set`,
  );
  const inTstats = [...failures]
    .filter(([reason]) => /^SPL54\d|"tstats"|"datamodel"/.test(reason))
    .reduce((n, [, examples]) => n + examples.length, 0);
  console.log(
    `  of the ${total - compiled} not compiled, ${inTstats} fail in tstats itself; the rest in later commands, or in lookups and macros the corpus does not ship`,
  );
  for (const [reason, examples] of [...failures].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${examples.length} × ${reason}`);
    for (const example of examples.slice(0, EXAMPLES))
      console.log(`      ${example.split('\n').join('\n      ')}`);
  }
  console.log('datasets named in FROM (detections):');
  for (const [dataset, n] of [...datasets].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(4)}  ${dataset}`);
  const unknown = [...unknownFields].sort((a, b) => b[1] - a[1]);
  console.log(
    `fields named that their dataset does not define (always null, warning SPL543): ${unknown.length} distinct, in ${unknown.reduce((n, [, c]) => n + c, 0)} places`,
  );
  for (const [field, n] of unknown.slice(0, 15))
    console.log(`  ${String(n).padStart(4)}  ${field}`);
}

interface Runnable {
  readonly detection: Detection;
  readonly plan: Plan;
  readonly tstats: boolean;
}

/** The Sysmon event IDs a Windows XML log holds. */
function sysmonCodes(file: string): Set<string> {
  const codes = new Set<string>();
  for (const match of readFileSync(file, 'utf8').matchAll(/<EventID[^>]*>(\d+)<\/EventID>/g)) {
    codes.add(match[1] as string);
  }
  return codes;
}

async function runPlans(
  plans: readonly Runnable[],
  file: string,
  knowledge: KnowledgeBase,
): Promise<number[]> {
  const counts = plans.map(() => 0);
  const specs = plans.map((r, i) => ({
    plan: r.plan,
    context: {
      emit: (rows: readonly Event[]) => {
        counts[i] = (counts[i] ?? 0) + rows.length;
      },
    },
  }));
  await runPlansOverInputs(specs, [file], { knowledge });
  return counts;
}

/**
 * Part 2: for each corpus XML log, the detections contentctl tests on that very file (the
 * attack_data path in their tests) and the detections whose data sources name a Sysmon event ID
 * the file holds, run over it in one pass each.
 */
async function runOverXml(
  runnable: readonly Runnable[],
  knowledge: KnowledgeBase,
  hardFailures: string[],
): Promise<void> {
  const dir = corpusPath('xml');
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    const file = path.join(dir, name);
    const codes = sysmonCodes(file);
    const attackPath = name
      .replace(/\.log$/, '')
      .split('__')
      .join('/');
    const tested = runnable.filter((r) =>
      r.detection.tests.some((t) => t.attackData.some((a) => a.data.includes(attackPath))),
    );
    const matching = runnable.filter(
      (r) =>
        !tested.includes(r) &&
        r.detection.dataSources.some((source) =>
          [...source.matchAll(/Sysmon EventID (\d+)/g)].some((m) => codes.has(m[1] as string)),
        ),
    );
    let counts: number[];
    try {
      counts = await runPlans([...tested, ...matching], file, knowledge);
    } catch (caught) {
      hardFailures.push(`${name}: the run crashed: ${crashText(caught)}`);
      continue;
    }
    console.log(`\n${name}: Sysmon event IDs ${[...codes].sort((a, b) => +a - +b).join(', ')}`);
    tested.forEach((r, i) => {
      const n = counts[i] ?? 0;
      console.log(
        `  tested on this file: ${r.detection.name} [${r.tstats ? 'tstats' : 'raw'}] → ${n > 0 ? `${n} result(s)` : 'no results'}`,
      );
    });
    const found = matching.filter((_r, i) => (counts[tested.length + i] ?? 0) > 0);
    const tstatsMatching = matching.filter((r) => r.tstats).length;
    console.log(
      `  data sources match: ${matching.length} detection(s) (${tstatsMatching} tstats); ${found.length} return results (${found.filter((r) => r.tstats).length} tstats)`,
    );
    for (const r of found) console.log(`    ${r.detection.name} [${r.tstats ? 'tstats' : 'raw'}]`);
  }
}

/** The seed's `SPL Detection Query` section. */
function seed000(): string | undefined {
  const dir = path.join(CORPUS_DIR, '..', 'seeds');
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((f) => f.startsWith('000_'));
  if (file === undefined) return undefined;
  const text = readFileSync(path.join(dir, file), 'utf8');
  return text.split('SPL Detection Query\n')[1]?.split(/ Detects |\nDescription|\nData Sources/)[0];
}

/** Part 3: seed 000 and ESCU's Windows Devtunnels Execution both find Atomic test 2's devtunnel launch. */
async function atomicTest2(
  dataModels: DataModels,
  macros: MacroLibrary,
  knowledge: KnowledgeBase,
  hardFailures: string[],
): Promise<void> {
  const file = path.join(
    REPO_ROOT,
    'content',
    'data',
    'attack',
    'T1219.001',
    'atomic_test_2_devtunnel_host',
    'windows-sysmon.log',
  );
  const devtunnels = readDetectionSearch(
    corpusPath('escu', 'newer_excerpts', 'detections', 'windows_devtunnels_execution.yml'),
  );
  const searches: [string, string | undefined][] = [
    ['seed 000', seed000()],
    ['Windows Devtunnels Execution', devtunnels.search],
  ];
  console.log(`\nAtomic test 2 (${path.relative(REPO_ROOT, file)}):`);
  for (const [label, search] of searches) {
    if (search === undefined) {
      hardFailures.push(`${label}: search not found`);
      continue;
    }
    const compiled = compileSpl(search, { macros, dataModels, sourceName: label });
    if (!compiled.ok) {
      hardFailures.push(
        `${label}: does not compile: ${compiled.diagnostics.map(formatDiagnostic).join('\n')}`,
      );
      continue;
    }
    const rows: Event[] = [];
    await runPlansOverInputs(
      [{ plan: compiled.value, context: { emit: (r) => rows.push(...r) } }],
      [file],
      {
        knowledge,
      },
    );
    const launch = rows.filter((row) =>
      /devtunnel\.exe"? host --port 8080 --allow-anonymous/.test(
        String(row['CommandLine'] ?? row['process'] ?? ''),
      ),
    );
    console.log(
      `  ${label}: ${rows.length} result(s), ${launch.length} of them the devtunnel host launch`,
    );
    if (launch.length === 0)
      hardFailures.push(`${label} does not find Atomic test 2's devtunnel launch`);
  }
}

const section: ConformanceSection = {
  name: 'tstats',
  description:
    'ESCU tstats searches over the CIM data models; detections over the corpus XML logs; Atomic test 2',
  async run() {
    const hardFailures: string[] = [];
    const loaded = loadDataModels();
    for (const d of loaded.diagnostics)
      hardFailures.push(`built-in data models: ${formatDiagnostic(d)}`);
    const dataModels = loaded.dataModels;
    compileAll(dataModels, hardFailures);

    const knowledge = loadFieldKnowledge({}).base;
    const pack = loadContent([corpusPath('escu')], { dataModels });
    const runnable: Runnable[] = [];
    let notCompiled = 0;
    for (const detection of pack.detections) {
      const compiled = compileDetection(detection, pack);
      if (!compiled.ok) {
        notCompiled++;
        continue;
      }
      runnable.push({
        detection,
        plan: compiled.value,
        tstats: /^\s*\|\s*tstats\b/.test(detection.search),
      });
    }
    console.log(
      `\nESCU content: ${pack.detections.length} detections loaded, ${runnable.length} compile (${notCompiled} do not)`,
    );
    await runOverXml(runnable, knowledge, hardFailures);

    const content = loadContent([path.join(REPO_ROOT, 'content'), corpusPath('escu')]);
    await atomicTest2(dataModels, content.macros, knowledge, hardFailures);
    return { hardFailures };
  },
};

export default section;
