// `spelunk timeline` over EVTX-ATTACK-SAMPLES with SigmaHQ's Windows rules, as a responder runs
// it on day one: the rows are in time order, each names its file and record, every rule that fired
// has a non-empty Details, and `--min-level high` keeps only high and critical rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  runTimelineCommand,
  type TimelineCommandOptions,
} from '../../src/cli/commands/timeline.ts';
import { type ConformanceSection, corpusPath } from '../harness.ts';

type Row = Record<string, string>;

const OPTIONS: TimelineCommandOptions = {
  content: [],
  sigma: [corpusPath('sigma', 'rules', 'windows')],
  detection: [],
  props: [],
  strict: false,
  progress: false,
  format: 'csv',
};

async function timelineRows(
  dir: string,
  name: string,
  extra: Partial<TimelineCommandOptions>,
): Promise<{ code: number; rows: Row[]; out: string; seconds: number }> {
  const file = path.join(dir, `${name}.csv`);
  let out = '';
  const started = performance.now();
  const code = await runTimelineCommand(
    [corpusPath('evtx', 'EVTX-ATTACK-SAMPLES')],
    { ...OPTIONS, ...extra, out: file },
    { out: (t) => (out += t), err: () => {} },
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
  return { code, rows, out, seconds };
}

const section: ConformanceSection = {
  name: 'timeline',
  description:
    'spelunk timeline over EVTX-ATTACK-SAMPLES with SigmaHQ rules/windows: time order, provenance, Details, --min-level high',
  async run() {
    const failures: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-conformance-timeline-'));
    try {
      const all = await timelineRows(dir, 'all', {});
      if (all.code !== 0) failures.push(`timeline exited ${all.code}`);
      const times = all.rows.map((r) => r['Timestamp'] ?? '');
      const outOfOrder = times.filter((t, i) => i > 0 && t < (times[i - 1] ?? '')).length;
      const noProvenance = all.rows.filter((r) => !r['File'] || !(r['RecordID'] || r['Line']));
      const rules = new Map<string, number>();
      for (const row of all.rows) {
        const title = row['RuleTitle'] ?? '';
        rules.set(title, (rules.get(title) ?? 0) + (row['Details'] ? 0 : 1));
      }
      const noDetails = [...rules].filter(([, empty]) => empty > 0).map(([title]) => title);
      const levels = new Map<string, number>();
      for (const row of all.rows) {
        levels.set(row['Level'] ?? '', (levels.get(row['Level'] ?? '') ?? 0) + 1);
      }
      console.log(
        `rows ${all.rows.length} from ${rules.size} rules in ${all.seconds.toFixed(1)} s; levels ${[...levels].map(([l, n]) => `${l} ${n}`).join(', ')}`,
      );
      console.log(
        `out of time order ${outOfOrder}; rows without file and record ${noProvenance.length}`,
      );
      console.log(
        `rules with an empty Details row ${noDetails.length}${noDetails.length > 0 ? ` (${noDetails.slice(0, 5).join('; ')})` : ''}`,
      );
      if (all.rows.length === 0) failures.push('no timeline rows');
      if (outOfOrder > 0) failures.push(`${outOfOrder} rows out of time order`);
      if (noProvenance.length > 0)
        failures.push(`${noProvenance.length} rows without file and record`);
      if (noDetails.length > 0)
        failures.push(`${noDetails.length} rules fired with an empty Details`);

      const high = await timelineRows(dir, 'high', { minLevel: 'high' });
      const other = high.rows.filter((r) => r['Level'] !== 'high' && r['Level'] !== 'critical');
      const expected = (levels.get('high') ?? 0) + (levels.get('critical') ?? 0);
      console.log(
        `--min-level high: rows ${high.rows.length} (expected ${expected}, the high and critical rows of the full run); other levels ${other.length}`,
      );
      if (other.length > 0)
        failures.push(`--min-level high kept ${other.length} rows of lower levels`);
      if (high.rows.length !== expected) {
        failures.push(`--min-level high: ${high.rows.length} rows, not ${expected}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { hardFailures: failures };
  },
};

export default section;
