// `knowledge`: CIM fields the built-in knowledge gives the corpus events vs ESCU data_sources, and the sysmon-macro detections over them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Diagnostic, formatDiagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import { sourcetypeNamesOf } from '../../src/core/sourcetype-aliases.ts';
import { loadSearchLibrary } from '../../src/detection/index.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import { createKnowledgeApplier } from '../../src/knowledge/apply/field-knowledge.ts';
import { resolveSteps } from '../../src/knowledge/apply/resolve-stanzas.ts';
import type { KnowledgeBase } from '../../src/knowledge/compile/compile-knowledge.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';
import { unionNeed } from '../../src/spl/index.ts';
import type { MacroLibrary } from '../../src/spl/macros/macro.ts';
import { parseSpl } from '../../src/spl/parse-spl.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { type ConformanceSection, corpusPath } from '../harness.ts';

/** Fields Splunk itself adds to every event (not add-on knowledge): left out of the comparison. */
const SPLUNK_OWN = new Set([
  '_time',
  'host',
  'index',
  'source',
  'sourcetype',
  'eventtype',
  'linecount',
  'punct',
  'splunk_server',
  'tag',
  'timeendpos',
  'timestartpos',
]);

function isCimField(name: string): boolean {
  const first = name[0] ?? '';
  return (
    first === first.toLowerCase() &&
    first !== first.toUpperCase() &&
    !SPLUNK_OWN.has(name) &&
    !name.startsWith('date_') &&
    !name.startsWith('tag::')
  );
}

const SYSMON_SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

/** `<source>|<EventCode>`, the key of the expected lists. */
const keyOf = (source: string, code: string) => `${source.toLowerCase()}|${code}`;

/**
 * `<source>|<EventCode>` → expected CIM fields: data_sources `fields` (lower-case names) of the
 * Windows event log sources (Sysmon, Security, PowerShell), ∪ the newer Sysmon `output_fields`.
 */
function expectedFields(): Map<string, Set<string>> {
  const expected = new Map<string, Set<string>>();
  const add = (key: string, names: Iterable<string>) => {
    const set = expected.get(key) ?? new Set<string>();
    for (const name of names) if (isCimField(name)) set.add(name);
    expected.set(key, set);
  };
  const dir = corpusPath('escu', 'data_sources');
  for (const file of readdirSync(dir)) {
    const m =
      /^(?:sysmon_eventid|windows_event_log_security|powershell_script_block_logging)_(\d+)\.yml$/.exec(
        file,
      );
    if (!m) continue;
    const doc = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as {
      fields?: string[];
      source?: string;
    };
    if (typeof doc.source !== 'string') continue;
    add(keyOf(doc.source, m[1] as string), doc.fields ?? []);
  }
  const md = readFileSync(
    corpusPath('escu', 'newer_excerpts', 'data_sources_sysmon_output_fields.md'),
    'utf8',
  );
  let code: string | undefined;
  let collecting = false;
  for (const line of md.split('\n')) {
    const heading = /^## EID (\d+)/.exec(line);
    if (heading) {
      code = heading[1];
      collecting = false;
      continue;
    }
    // A list starts after `output_fields:` (or `TA fields:`) and goes on over lines with no colon.
    const start = /^(output_fields|TA fields):\s*(.*)$/.exec(line);
    if (start) collecting = true;
    else if (line.includes(':') || line.trim() === '') collecting = false;
    if (collecting && code !== undefined) {
      const names = (start ? (start[2] ?? '') : line).split(',').map((f) => f.trim());
      add(
        keyOf(SYSMON_SOURCE, code),
        names.filter((f) => /^\w+$/.test(f)),
      );
    }
  }
  return expected;
}

interface CodeTally {
  events: number;
  present: Map<string, number>;
  sample: Event | undefined;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => path.join(dir, f));
}

/** Fields some built-in step may write for events like `event`. */
function definedFor(base: KnowledgeBase, event: Event): Set<string> {
  const defined = new Set<string>();
  const steps = resolveSteps(base.stanzas, {
    sourcetypes: sourcetypeNamesOf(event),
    source: String(event['source'] ?? ''),
    host: String(event['host'] ?? ''),
  });
  for (const step of steps)
    if (step.writes !== 'dynamic') for (const f of step.writes) defined.add(f);
  return defined;
}

async function fieldCoverage(base: KnowledgeBase, inputs: string[]): Promise<number> {
  const expected = expectedFields();
  const tallies = new Map<string, CodeTally>();
  const applier = createKnowledgeApplier(base, 'all');
  const opened = await openInputs(inputs, { needRaw: false });
  for await (const batch of opened.source) {
    applier.apply(batch);
    for (const event of batch) {
      const code = keyOf(String(event['source'] ?? ''), String(event['EventCode'] ?? '?'));
      let tally = tallies.get(code);
      if (tally === undefined) {
        tally = { events: 0, present: new Map(), sample: event };
        tallies.set(code, tally);
      }
      tally.events++;
      for (const field of expected.get(code) ?? []) {
        const value = event[field];
        if (value !== undefined && value !== '') {
          tally.present.set(field, (tally.present.get(field) ?? 0) + 1);
        }
      }
    }
  }
  let totalExpected = 0;
  let totalPresent = 0;
  const unlisted: string[] = [];
  for (const [key, tally] of [...tallies].sort(byKey)) {
    const fields = [...(expected.get(key) ?? [])].sort();
    const [source, code] = key.split('|');
    const label = `${source?.replace(/^xmlwineventlog:/, '')} ${code}`;
    if (fields.length === 0) {
      unlisted.push(`${label} (${tally.events})`);
      continue;
    }
    const defined = tally.sample ? definedFor(base, tally.sample) : new Set<string>();
    const every = fields.filter((f) => tally.present.get(f) === tally.events);
    const some = fields.filter((f) => {
      const n = tally.present.get(f) ?? 0;
      return n > 0 && n < tally.events;
    });
    const none = fields.filter((f) => (tally.present.get(f) ?? 0) === 0);
    totalExpected += fields.length;
    totalPresent += every.length + some.length;
    console.log(
      `  ${label}: ${tally.events} events, ${fields.length} expected CIM fields: ${every.length} in every event, ${some.length} in some, ${none.length} missing`,
    );
    if (some.length > 0) {
      console.log(
        `    in some events only: ${some.map((f) => `${f} ${tally.present.get(f)}/${tally.events}`).join(', ')}`,
      );
    }
    const undefinedHere = none.filter((f) => !defined.has(f));
    const emptyHere = none.filter((f) => defined.has(f));
    if (emptyHere.length > 0) {
      console.log(
        `    missing, defined but without a value in these events (the field it reads is absent, or the lookup has no row): ${emptyHere.join(', ')}`,
      );
    }
    if (undefinedHere.length > 0) {
      console.log(
        `    missing, not defined by the built-in knowledge: ${undefinedHere.join(', ')}`,
      );
    }
  }
  if (unlisted.length > 0) {
    console.log(`  no data_source lists the fields of: ${unlisted.join(', ')}`);
  }
  console.log(
    `  total: ${totalPresent}/${totalExpected} expected (event code, field) pairs present in at least one event`,
  );
  return totalPresent;
}

function byKey(a: [string, CodeTally], b: [string, CodeTally]): number {
  const [sa, ca] = a[0].split('|');
  const [sb, cb] = b[0].split('|');
  return (sa ?? '').localeCompare(sb ?? '') || Number(ca) - Number(cb);
}

interface SysmonDetection {
  readonly name: string;
  readonly search: string;
}

function sysmonDetections(): { detections: SysmonDetection[]; unreadable: string[] } {
  const detections: SysmonDetection[] = [];
  const unreadable: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yml')) {
        try {
          const doc = parseYaml(readFileSync(full, 'utf8')) as { name?: string; search?: string };
          if (typeof doc.search === 'string' && doc.search.trimStart().startsWith('`sysmon`')) {
            detections.push({ name: doc.name ?? name, search: doc.search });
          }
        } catch {
          unreadable.push(path.relative(corpusPath('escu'), full));
        }
      }
    }
  };
  walk(corpusPath('escu', 'detections'));
  walk(corpusPath('escu', 'newer_excerpts', 'detections'));
  return { detections, unreadable };
}

interface CompiledDetection {
  readonly name: string;
  readonly plan: Plan;
  /**
   * `<leading search> | stats count dc(<field>)...`: how many events the detection starts from,
   * and which fields it reads none of them has.
   */
  readonly leading: Plan | undefined;
  readonly checked: readonly string[];
}

interface CompiledDetections {
  readonly compiled: readonly CompiledDetection[];
}

const DEFAULT_FIELDS = new Set(['_time', '_raw', 'index', 'source', 'sourcetype', 'host']);

/**
 * The detection's leading search alone, counting events and the distinct values of each field the
 * detection reads: tells "no event selected" from "selected, then dropped for want of a field".
 */
function leadingCount(
  search: string,
  macros: MacroLibrary,
  plan: Plan,
): { readonly leading: Plan | undefined; readonly checked: readonly string[] } {
  const parsed = parseSpl(search, { macros });
  const first = parsed.pipeline.commands[0];
  if (first === undefined || first.kind !== 'Search') return { leading: undefined, checked: [] };
  const text = parsed.expanded.text.slice(first.span.start, first.span.end);
  const checked =
    plan.fields === 'all'
      ? []
      : [...plan.fields].filter((f) => !DEFAULT_FIELDS.has(f) && /^\w+$/.test(f)).sort();
  const compiled = compileSpl(
    `${text} | stats count ${checked.map((f, i) => `dc(${f}) as f${i}`).join(' ')}`,
  );
  return { leading: compiled.ok ? compiled.value : undefined, checked };
}

function compileDetections(): CompiledDetections {
  const { detections, unreadable } = sysmonDetections();
  const library = loadSearchLibrary({
    macros: [corpusPath('escu', 'macros')],
    lookups: [corpusPath('escu', 'lookups')],
  });
  const compiled: CompiledDetection[] = [];
  const refused = new Map<string, string[]>();
  for (const detection of detections) {
    const result = compileSpl(detection.search, {
      macros: library.macros,
      lookups: library.lookups,
      sourceName: detection.name,
    });
    if (result.ok) {
      compiled.push({
        name: detection.name,
        plan: result.value,
        ...leadingCount(detection.search, library.macros, result.value),
      });
    } else {
      const first = result.diagnostics[0];
      const reason = first ? `${first.code} ${first.message}` : 'no diagnostic';
      refused.set(reason, [...(refused.get(reason) ?? []), detection.name]);
    }
  }
  console.log(
    `  ${detections.length} detections start with \`sysmon\` (${unreadable.length} YAML files unreadable); ${compiled.length} compile, ${detections.length - compiled.length} refused`,
  );
  for (const [reason, names] of [...refused].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    refused ${names.length}: ${reason.split('\n')[0]} (e.g. ${names[0]})`);
  }
  return { compiled };
}

async function runDetections(
  base: KnowledgeBase,
  { compiled }: CompiledDetections,
  inputs: string[],
  label: string,
): Promise<string[]> {
  const hard: string[] = [];
  const rows = compiled.map(() => 0);
  const selected = compiled.map(() => 0);
  const absent: string[][] = compiled.map(() => []);
  const warnings: string[] = [];
  const leading = compiled.flatMap((c, i) =>
    c.leading === undefined
      ? []
      : [
          {
            plan: c.leading,
            context: {
              emit: (batch: readonly Event[]) => {
                const row = batch[0];
                selected[i] = Number(row?.['count'] ?? 0);
                absent[i] = c.checked.filter((_, k) => Number(row?.[`f${k}`] ?? 0) === 0);
              },
            },
          },
        ],
  );
  const detections = compiled.map((c, i) => ({
    plan: c.plan,
    context: {
      emit: (batch: readonly Event[]) => {
        rows[i] = (rows[i] ?? 0) + batch.length;
      },
      warn: (d: Diagnostic) => warnings.push(formatDiagnostic(d).split('\n')[0] ?? ''),
    },
  }));
  const specs = [...detections, ...leading];
  const fields = unionNeed(...specs.map((s) => s.plan.fields));
  try {
    await runPlansOverInputs(specs, inputs, { knowledge: base });
  } catch (error) {
    hard.push(`running the sysmon detections crashed: ${(error as Error).stack ?? error}`);
    return hard;
  }
  const found = compiled
    .map((c, i) => ({ name: c.name, rows: rows[i] ?? 0 }))
    .filter((d) => d.rows > 0);
  console.log(
    `  over ${inputs.length} ${label} files (one pass, ${fields === 'all' ? 'all fields' : `${fields.size} fields`} of knowledge): ${found.length} of ${compiled.length} return results`,
  );
  for (const d of found) console.log(`    ${d.rows} row(s): ${d.name}`);
  const dropped = compiled
    .map((c, i) => ({
      name: c.name,
      selected: selected[i] ?? 0,
      rows: rows[i] ?? 0,
      absent: absent[i] ?? [],
    }))
    .filter((d) => d.selected > 0 && d.rows === 0);
  const starting = selected.filter((n) => n > 0).length;
  console.log(
    `  ${starting} of ${compiled.length} leading searches select any event; ${dropped.length} of those return nothing:`,
  );
  for (const d of dropped) {
    const why = d.absent.length > 0 ? ` (no selected event has ${d.absent.join(', ')})` : '';
    console.log(`    ${d.selected} event(s) selected, no row: ${d.name}${why}`);
  }
  if (warnings.length > 0) console.log(`  ${warnings.length} run warnings, e.g. ${warnings[0]}`);
  return hard;
}

const section: ConformanceSection = {
  name: 'knowledge',
  description:
    'built-in field knowledge over the corpus XML: CIM fields per EventCode vs ESCU data_sources; the `sysmon` detections run over it',
  async run() {
    const hardFailures: string[] = [];
    const knowledge = loadFieldKnowledge();
    if (knowledge.diagnostics.length > 0) {
      hardFailures.push(
        `the built-in knowledge has ${knowledge.diagnostics.length} diagnostic(s): ${knowledge.diagnostics[0]?.message}`,
      );
    }
    const xml = files(corpusPath('xml'), '.log');
    const json = files(corpusPath('json'), '.json');
    console.log(`CIM fields over ${xml.length} XmlWinEventLog files (corpus/xml):`);
    await fieldCoverage(knowledge.base, xml);
    console.log(`CIM fields over ${json.length} OTRF JSON-lines files (corpus/json):`);
    await fieldCoverage(knowledge.base, json);
    console.log('ESCU detections whose search starts with `sysmon`:');
    const detections = compileDetections();
    hardFailures.push(...(await runDetections(knowledge.base, detections, xml, 'corpus/xml')));
    hardFailures.push(...(await runDetections(knowledge.base, detections, json, 'corpus/json')));
    return { hardFailures };
  },
};

export default section;
