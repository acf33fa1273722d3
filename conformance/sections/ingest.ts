// Conformance `ingest`: every corpus XML and JSON file read with zero skipped records; per file
// the events read and the distinct fields seen, checked against an independent record count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Event } from '../../src/core/event.ts';
import type { InputSummary } from '../../src/ingest/input/input-summary.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { CORPUS_DIR, type ConformanceSection, corpusPath, filesUnder } from '../harness.ts';

interface FileResult {
  readonly events: number;
  readonly fields: ReadonlySet<string>;
}

/** Reads `paths` through the one entry point every command uses; fields are collected per file. */
async function readCorpus(paths: readonly string[]) {
  const problems: IngestProblem[] = [];
  const inputs = await openInputs(paths, { needRaw: true, onProblem: (p) => problems.push(p) });
  const perFile = new Map<string, { events: number; fields: Set<string> }>();
  for await (const batch of inputs.source) {
    const file = inputs.summary().files.at(-1)?.path ?? '';
    const result = perFile.get(file) ?? { events: 0, fields: new Set<string>() };
    perFile.set(file, result);
    for (const event of batch as Event[]) {
      result.events++;
      for (const name of Object.keys(event)) result.fields.add(name);
    }
  }
  return { perFile: perFile as Map<string, FileResult>, problems, summary: inputs.summary() };
}

/** Independent counts: `<Event` start tags in XML, non-blank lines in JSON lines. */
function expectedRecords(file: string): number | undefined {
  const text = readFileSync(file, 'utf8');
  if (file.includes(`${path.sep}xml${path.sep}`)) return text.match(/<Event[\s>]/g)?.length ?? 0;
  if (file.includes(`${path.sep}json${path.sep}`))
    return text.split('\n').filter((l) => l.trim()).length;
  return undefined;
}

function report(
  label: string,
  read: Awaited<ReturnType<typeof readCorpus>>,
  hardFailures: string[],
) {
  const { perFile, problems, summary } = read;
  console.log(
    `\n${label}: ${summary.files.length} files, ${summary.events} events, ${summary.skipped} skipped, ${summary.damaged} damaged`,
  );
  console.log('  events  fields  file');
  const union = new Set<string>();
  for (const file of summary.files) {
    const result = perFile.get(file.path);
    for (const field of result?.fields ?? []) union.add(field);
    const expected = expectedRecords(file.path);
    const check =
      expected === undefined || expected === file.events ? '' : `  (expected ${expected})`;
    console.log(
      `  ${String(file.events).padStart(6)}  ${String(result?.fields.size ?? 0).padStart(6)}  ${path.relative(CORPUS_DIR, file.path)}${check}`,
    );
    if (check)
      hardFailures.push(
        `${file.path}: read ${file.events} events, the file has ${expected} records`,
      );
    if (file.refused !== undefined) hardFailures.push(`${file.path}: not read: ${file.refused}`);
  }
  console.log(`  distinct fields over all files (${union.size}): ${[...union].sort().join(' ')}`);
  const byCode = new Map<string, IngestProblem[]>();
  for (const problem of problems)
    byCode.set(problem.code ?? '?', [...(byCode.get(problem.code ?? '?') ?? []), problem]);
  for (const [code, list] of byCode) {
    const first = list[0];
    console.log(
      `  ${code} x${list.length}, e.g. ${first?.path}: ${first?.location}: ${first?.message}`,
    );
    hardFailures.push(`${label}: ${list.length} record(s) with ${code}`);
  }
  if (summary.ignored.length > 0)
    console.log(
      `  ignored (not telemetry): ${summary.ignored.map((f) => path.basename(f)).join(', ')}`,
    );
}

const section: ConformanceSection = {
  name: 'ingest',
  description:
    'read every corpus XML/JSON file (and the Sigma regression .json) with zero skipped records',
  async run() {
    const hardFailures: string[] = [];
    report(
      'corpus/xml (Splunk XmlWinEventLog)',
      await readCorpus([corpusPath('xml')]),
      hardFailures,
    );
    report(
      'corpus/json (OTRF/Mordor JSON lines)',
      await readCorpus([corpusPath('json')]),
      hardFailures,
    );
    const regression = filesUnder(corpusPath('sigma', 'regression_data'), '.json');
    const read: Awaited<ReturnType<typeof readCorpus>> = await readCorpus(regression);
    report('sigma/regression_data (evtx_dump JSON, concatenated objects)', read, hardFailures);
    const summary: InputSummary = read.summary;
    if (summary.files.length !== regression.length)
      hardFailures.push('regression: not every .json file was read');
    return { hardFailures };
  },
};

export default section;
