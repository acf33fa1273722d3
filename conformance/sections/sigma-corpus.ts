// Conformance `sigma-corpus`: every SigmaHQ rule (and correlation) over every event of the corpus
// (EVTX, the regression pairs' EVTX included, XmlWinEventLog, JSON lines), findings counted per
// rule, once compiled cold and once from the compiled rule-set cache. The counts are a fingerprint
// of Sigma's semantics over real telemetry: a change to loading, compiling, matching or the cache
// that changes any finding shows here. The whole list goes to .conformance-tmp/ for diffing.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import {
  createSigmaDetector,
  type LoadedSigmaRules,
  loadSigmaRules,
} from '../../src/sigma/index.ts';
import { type ConformanceSection, corpusPath, REPO_ROOT } from '../harness.ts';

const RULE_DIRS = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'];
/** Event folders of the corpus: every EVTX (regression data included), XML and JSON-lines file. */
const EVENT_DIRS = [['evtx'], ['sigma', 'regression_data'], ['xml'], ['json']];
/**
 * The fingerprint measured before the automaton and cache rewrite (issue 17): sha256 of the
 * sorted `count  kind  rule file  title` lines. A change means some rule finds something else.
 */
const EXPECTED = {
  events: 32_176,
  findings: 2_774,
  rules: 598,
  sha256: '6af5814913089aed5b1b5a5ed586f6704da5e0f122a72122015548b2a409c63d',
};

const section: ConformanceSection = {
  name: 'sigma-corpus',
  description: 'every SigmaHQ rule over every corpus event: findings per rule, fingerprinted',
  async run() {
    const hardFailures: string[] = [];
    const cacheDir = path.join(REPO_ROOT, '.conformance-tmp', 'sigma-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    const paths = RULE_DIRS.map((d) => corpusPath('sigma', d));
    const cold = loadSigmaRules(paths, { cacheDir });
    // Counted cold first: its end writes the automata it built, which the cached run then takes.
    const coldCounts = await countFindings(cold);
    const cached = loadSigmaRules(paths, { cacheDir });
    if (cold.cache !== 'written' || cached.cache !== 'hit')
      hardFailures.push(`the rule-set cache was ${cold.cache}, then ${cached.cache}`);
    const counts = await countFindings(cached);
    const { automata, automataCached } = counts.stats;
    if (automataCached === 0 || automataCached !== automata)
      hardFailures.push(`${automataCached} of ${automata} automata came from the cache`);
    const events = counts.events;
    const key = (c: Map<string, number>) => JSON.stringify([...c].sort());
    if (key(coldCounts.perRule) !== key(counts.perRule) || coldCounts.events !== events)
      hardFailures.push('the cached rule set finds other things than the cold compile');
    const { compiled } = cached;
    const lines = [...counts.perRule]
      .map(([key, n]) => `${String(n).padStart(7)}\t${key}`)
      .sort((a, b) => (a.slice(8) < b.slice(8) ? -1 : 1));
    const findings = [...counts.perRule.values()].reduce((s, n) => s + n, 0);
    const sha256 = createHash('sha256').update(lines.join('\n')).digest('hex');
    const out = path.join(REPO_ROOT, '.conformance-tmp', 'sigma-corpus-counts.tsv');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${lines.join('\n')}\n`);
    console.log(
      `${events.toLocaleString('en-US')} events from ${counts.files} files; ${compiled.rules.length} rules and ${compiled.correlations.length} correlations; ${findings.toLocaleString('en-US')} findings from ${counts.perRule.size} rules; sha256 ${sha256}; the same cold and from the cache: ${hardFailures.length === 0 ? 'yes' : 'NO'} (${automataCached} of ${automata} automata from the cache)`,
    );
    console.log(`per-rule counts: ${path.relative(REPO_ROOT, out)}`);
    const figures = { events, findings, rules: counts.perRule.size, sha256 };
    for (const [name, value] of Object.entries(figures)) {
      const expected = EXPECTED[name as keyof typeof EXPECTED];
      if (expected !== value)
        hardFailures.push(`${name} ${value}, measured before the rewrite ${expected}`);
    }
    return { hardFailures };
  },
};

export default section;

/** Findings per rule (kind, file, title) of every corpus event through the rules' detector. */
async function countFindings(rules: LoadedSigmaRules) {
  const detector = createSigmaDetector(rules.compiled);
  const perRule = new Map<string, number>();
  const add = (kind: string, source: string, title: string) => {
    const key = `${kind}\t${path.relative(corpusPath('sigma'), source)}\t${title}`;
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
  };
  const inputs = await openInputs(
    EVENT_DIRS.map((d) => corpusPath(...d)),
    { needRaw: false },
  );
  let events = 0;
  for await (const batch of inputs.source) {
    for (const event of batch) {
      events++;
      for (const f of detector.detect(event)) add(f.kind, f.source, f.title);
    }
  }
  for (const f of detector.finish()) add(f.kind, f.source, f.title);
  return { perRule, events, files: inputs.files.length, stats: detector.matcher.stats };
}
