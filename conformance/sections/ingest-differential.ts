// Conformance `ingest-differential`: the same EVTX records through two renderings and our two
// readers. The Sigma regression `.json` (Rust evtx_dump, read by our JSON reader) must give the
// same events as `evtxexport -f xml` of the `.evtx` beside it (libevtx, read by our XML reader);
// and the rendered XML of every EVTX-ATTACK-SAMPLES file must read with no skipped record.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Event } from '../../src/core/event.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { CORPUS_DIR, type ConformanceSection, corpusPath, filesUnder } from '../harness.ts';

const run = promisify(execFile);

async function readEvents(paths: string[], stdin?: Buffer) {
  const problems: IngestProblem[] = [];
  const inputs = await openInputs(paths, {
    needRaw: false,
    onProblem: (p) => problems.push(p),
    ...(stdin
      ? {
          stdin: (async function* () {
            yield stdin;
          })(),
        }
      : {}),
  });
  const events: Event[] = [];
  for await (const batch of inputs.source) events.push(...batch);
  return { events, problems };
}

async function evtxexport(file: string): Promise<Buffer | undefined> {
  try {
    const { stdout } = await run('evtxexport', ['-f', 'xml', file], {
      encoding: 'buffer',
      maxBuffer: 1 << 30,
    });
    return stdout;
  } catch {
    return undefined;
  }
}

/**
 * Known differences between the two renderers, not between our readers: libevtx zero-pads hex
 * integers (`0x000000000001eba8`) where evtx_dump does not, evtx_dump drops trailing spaces of
 * strings, GUID braces differ; and SystemTime has 9 vs 6 fraction digits (`_time` is compared).
 */
function normalise(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const guid = /^\{?([0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})\}?$/.exec(value);
  if (guid) return (guid[1] ?? '').toUpperCase();
  const hex = /^0x0*([0-9A-Fa-f]+)$/.exec(value);
  if (hex) return `0x${(hex[1] ?? '').toLowerCase()}`;
  return value.trimEnd();
}

/** python-evtx's rendering, a third reference for records where the first two disagree. */
async function pythonEvtx(file: string): Promise<Buffer | undefined> {
  try {
    const options = { encoding: 'buffer' as const, maxBuffer: 1 << 30, timeout: 120_000 };
    return (await run('evtx_dump.py', [file], options)).stdout;
  } catch {
    return undefined;
  }
}

async function regressionPairs(hardFailures: string[]): Promise<void> {
  const pairs = filesUnder(corpusPath('sigma', 'regression_data'), '.json');
  const differences = new Map<string, { count: number; example: string }>();
  const corpusDisagreements: string[] = [];
  let records = 0;
  let compared = 0;
  for (const json of pairs) {
    const xml = await evtxexport(json.replace(/\.json$/, '.evtx'));
    if (xml === undefined) {
      hardFailures.push(`${json}: evtxexport failed`);
      continue;
    }
    const fromJson = await readEvents([json]);
    const fromXml = await readEvents(['-'], xml);
    for (const problem of [...fromJson.problems, ...fromXml.problems]) {
      hardFailures.push(`${json}: ${problem.code} ${problem.location}: ${problem.message}`);
    }
    if (fromJson.events.length !== fromXml.events.length) {
      hardFailures.push(
        `${json}: ${fromJson.events.length} events from JSON, ${fromXml.events.length} from XML`,
      );
      continue;
    }
    records += fromJson.events.length;
    let third: Event[] | undefined;
    for (const [i, a] of fromJson.events.entries()) {
      const b = fromXml.events[i] ?? {};
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        // Provenance names where each reader found the event (a JSON line, an XML line), not the event.
        if (field === 'SystemTime' || field === '_file' || field === '_line') continue;
        compared++;
        if (normalise(a[field]) === normalise(b[field])) continue;
        // Two references disagree: a third (python-evtx) tells a reader bug from a .json that
        // does not match its .evtx.
        if (third === undefined) {
          const rendered = await pythonEvtx(json.replace(/\.json$/, '.evtx'));
          third = rendered === undefined ? [] : (await readEvents(['-'], rendered)).events;
        }
        const shown = `${JSON.stringify(a[field])} vs ${JSON.stringify(b[field])} in ${path.relative(CORPUS_DIR, json)}`;
        const reference = third[i];
        if (reference !== undefined && normalise(reference[field]) === normalise(b[field])) {
          corpusDisagreements.push(`${field}: ${shown}`);
          continue;
        }
        const seen = differences.get(field) ?? { count: 0, example: shown };
        seen.count++;
        differences.set(field, seen);
      }
    }
  }
  console.log(
    `\nregression pairs: ${pairs.length} files, ${records} records, ${compared} field values compared (evtx_dump JSON vs evtxexport XML)`,
  );
  for (const [field, { count, example }] of differences) {
    console.log(`  ${field}: ${count} difference(s), e.g. ${example}`);
    hardFailures.push(`regression pairs: ${count} difference(s) in ${field}`);
  }
  for (const disagreement of corpusDisagreements) {
    console.log(
      `  the .json differs from its .evtx (python-evtx agrees with evtxexport), not counted: ${disagreement}`,
    );
  }
  if (differences.size === 0)
    console.log(
      '  no differences after normalising the renderers\u2019 known quirks (hex padding, trailing spaces, GUID braces)',
    );
}

async function attackSamples(hardFailures: string[]): Promise<void> {
  const files = filesUnder(corpusPath('evtx', 'EVTX-ATTACK-SAMPLES'), '.evtx');
  let events = 0;
  let expected = 0;
  let exportFailed = 0;
  const problems = new Map<string, { count: number; example: string }>();
  for (const file of files) {
    const xml = await evtxexport(file);
    if (xml === undefined) {
      exportFailed++;
      continue;
    }
    expected += xml.toString('utf8').match(/<Event[\s>]/g)?.length ?? 0;
    const read = await readEvents(['-'], xml);
    events += read.events.length;
    for (const problem of read.problems) {
      const key = `${problem.code} ${problem.message.replace(/"[^"]*"/g, '"…"')}`;
      const seen = problems.get(key) ?? {
        count: 0,
        example: `${path.relative(CORPUS_DIR, file)} ${problem.location}`,
      };
      seen.count++;
      problems.set(key, seen);
    }
  }
  console.log(
    `\nEVTX-ATTACK-SAMPLES rendered by evtxexport: ${files.length} files (${exportFailed} evtxexport could not render), ${events} events read of ${expected} <Event> elements`,
  );
  for (const [key, { count, example }] of problems) {
    console.log(`  ${key}: ${count}, e.g. ${example}`);
    hardFailures.push(`EVTX-ATTACK-SAMPLES XML: ${count} x ${key}`);
  }
  if (events !== expected)
    hardFailures.push(`EVTX-ATTACK-SAMPLES XML: ${events} events read, ${expected} rendered`);
}

const section: ConformanceSection = {
  name: 'ingest-differential',
  description:
    'evtx_dump JSON vs evtxexport XML of the same records; rendered XML of the attack samples',
  async run() {
    const hardFailures: string[] = [];
    if ((await run('evtxexport', ['-V']).catch(() => undefined)) === undefined) {
      console.log('skipped: evtxexport (libevtx-utils) is not installed');
      return { hardFailures };
    }
    await regressionPairs(hardFailures);
    await attackSamples(hardFailures);
    return { hardFailures };
  },
};

export default section;
