// spl-compile: how many ESCU detection searches compile to a runnable plan (with the built-in data
// models, as hunt and validate compile them), with the reasons for the rest.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import { loadSearchLibrary } from '../../src/detection/index.ts';
import { loadDataModels } from '../../src/knowledge/datamodels/load/load-data-models.ts';
import type { LookupStore } from '../../src/spl/lookups/lookup-store.ts';
import type { MacroLibrary } from '../../src/spl/macros/macro.ts';
import { parseSpl } from '../../src/spl/parse-spl.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { addExample, readDetectionSearch, yamlFiles } from '../escu-files.ts';
import { CORPUS_DIR, type ConformanceSection, corpusPath } from '../harness.ts';

/** Groups by code and message, quoted names kept for unsupported commands (they say which). */
function reasonOf(d: Diagnostic): string {
  if (d.code === 'SPL501') return `${d.code} ${d.message.replace(/:.*$/, '')}`;
  return `${d.code} ${d.message.replace(/"[^"]*"/g, '"…"').replace(/`[^`]*`/g, '`…`')}`;
}

/** Starts and finishes a run with no events: operators must not crash on an empty input. */
function runEmpty(plan: Plan): string | undefined {
  try {
    const run = plan.start({ emit: () => {}, warn: () => {} });
    run.finish();
    return undefined;
  } catch (caught) {
    return caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  }
}

const section: ConformanceSection = {
  name: 'spl-compile',
  description:
    'ESCU detection searches compile to a runnable plan (corpus macros and lookups, built-in data models)',
  async run() {
    const library = loadSearchLibrary({
      macros: [corpusPath('escu', 'macros')],
      lookups: [corpusPath('escu', 'lookups')],
    });
    const lookupErrors = library.diagnostics.filter((d) => d.severity === 'error');
    console.log(
      `lookups: ${library.lookups.definitions.length} definitions, ${library.lookups.files.size} files, ${lookupErrors.length} error(s)`,
    );
    for (const d of lookupErrors) console.log(`  ${formatDiagnostic(d).split('\n').join('\n  ')}`);
    const hardFailures: string[] = [];
    const dataModels = loadDataModels();
    for (const d of dataModels.diagnostics)
      hardFailures.push(`built-in data models: ${formatDiagnostic(d)}`);
    const dir = corpusPath('escu', 'detections');
    const failures = new Map<string, string[]>();
    let total = 0;
    let parsed = 0;
    let compiled = 0;
    let generating = 0;
    let routed = 0;
    let finiteFields = 0;
    for (const file of yamlFiles(dir)) {
      total++;
      const relative = path.relative(dir, file);
      const { search } = readDetectionSearch(file);
      if (search === undefined) {
        addExample(failures, 'no readable search: key', relative);
        continue;
      }
      let result: ReturnType<typeof compileSpl>;
      try {
        const front = parseSpl(search, { macros: library.macros });
        if (!front.diagnostics.some((d) => d.severity === 'error')) parsed++;
        result = compileSpl(search, {
          macros: library.macros,
          lookups: library.lookups,
          dataModels: dataModels.dataModels,
          sourceName: relative,
        });
      } catch (caught) {
        hardFailures.push(
          `${relative}: compile crashed: ${caught instanceof Error ? caught.stack : String(caught)}`,
        );
        continue;
      }
      if (!result.ok) {
        const first = result.diagnostics.find((d) => d.severity === 'error') as Diagnostic;
        addExample(failures, reasonOf(first), `${relative}\n${formatDiagnostic(first)}`);
        continue;
      }
      const crash = runEmpty(result.value);
      if (crash !== undefined) {
        hardFailures.push(`${relative}: an empty run crashed: ${crash}`);
        continue;
      }
      compiled++;
      if (result.value.generating) generating++;
      if (result.value.route.kind === 'alternatives') routed++;
      if (result.value.fields !== 'all') finiteFields++;
    }
    console.log(
      `detections: parsed ${parsed}/${total} (front end), compiled ${compiled}/${total} to a runnable plan`,
    );
    console.log(
      `  of the compiled: ${routed} have a route filter (index/source/sourcetype/EventCode), ${finiteFields} read a known field set, ${generating} read no events`,
    );
    const ordered = [...failures].sort((a, b) => b[1].length - a[1].length);
    for (const [reason, examples] of ordered) {
      console.log(`  ${examples.length} × ${reason}`);
      for (const example of examples.slice(0, 1))
        console.log(`      ${example.split('\n').join('\n      ')}`);
    }
    hardFailures.push(...checkSeeds(library.macros, library.lookups));
    return { hardFailures };
  },
};

/**
 * The two seed searches must compile and find what they look for in events that carry the
 * fields they read; a regression there is real breakage.
 */
function checkSeeds(library: MacroLibrary, store: LookupStore): string[] {
  const seedsDir = path.join(CORPUS_DIR, '..', 'seeds');
  if (!existsSync(seedsDir)) {
    console.log(`seeds: none at ${seedsDir}`);
    return [];
  }
  const problems: string[] = [];
  for (const file of readdirSync(seedsDir).sort()) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    const search = text.includes('SPL Detection Query\n')
      ? text.split('SPL Detection Query\n')[1]?.split(/ Detects |\nDescription|\nData Sources/)[0]
      : text.split('search: |-\n')[1]?.split('\nhow_to_implement')[0]?.replace(/^ {4}/gm, '');
    if (search === undefined) {
      problems.push(`${file}: no search found in the seed file`);
      continue;
    }
    const result = compileSpl(search, { macros: library, lookups: store, sourceName: file });
    if (!result.ok) {
      problems.push(
        `${file}: does not compile:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`,
      );
      continue;
    }
    const rows: Event[] = [];
    const run = result.value.start({ emit: (batch) => rows.push(...batch) });
    run.push(seedEvents());
    run.finish();
    console.log(`seed ${file}: compiles, ${rows.length} result(s) over the check events`);
    if (rows.length === 0) problems.push(`${file}: found nothing in events made to match it`);
  }
  return problems;
}

/** One event each seed looks for, with the add-on fields seed 004 reads already present. */
function seedEvents(): Event[] {
  const common = {
    _time: 1_714_550_400,
    index: 'wineventlog',
    host: 'WS01',
    Computer: 'WS01',
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
  };
  const loaded = 'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\a1\\devtunnel.dll';
  return [
    {
      ...common,
      EventCode: '1',
      EventID: '1',
      Image: 'C:\\Tools\\code.exe',
      CommandLine: 'code.exe tunnel --accept-server-license-terms',
      User: 'CORP\\dev',
    },
    {
      ...common,
      EventCode: '7',
      EventID: '7',
      ImageLoaded: loaded,
      loaded_file: 'devtunnel.dll',
      loaded_file_path: loaded,
      process_exec: 'devtunnel.exe',
      process_guid: '{0}',
      process_hash: 'SHA256=00',
      process_id: '42',
      process_name: 'devtunnel.exe',
      process_path: 'C:\\Tools\\devtunnel.exe',
      service_dll_signature_exists: 'true',
      service_dll_signature_verified: 'true',
      signature_id: '7',
      user_id: 'S-1-5-18',
      vendor_product: 'Microsoft Sysmon',
    },
  ];
}

export default section;
