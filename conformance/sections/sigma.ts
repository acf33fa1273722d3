// Conformance `sigma`: every SigmaHQ rule loaded and compiled, and the SigmaHQ regression pairs
// (rule → EVTX with the events it must match) run through our EVTX reader and the matcher.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import { readEvtx } from '../../src/ingest/evtx/index.ts';
import {
  compileSigmaRules,
  convertToSpl,
  createSigmaMatcher,
  loadSigmaRuleSet,
  loadSigmaRules,
  type MatcherStats,
  readSigmaFiles,
  type SigmaRule,
  type SigmaRuleSet,
} from '../../src/sigma/index.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import { type ConformanceSection, corpusPath, REPO_ROOT } from '../harness.ts';

const RULE_DIRS = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'];
const EXPECTED_RULES = 3754;
const EXPECTED_PAIRS = 202;

/** Groups failures by reason (code + message with quoted parts elided), with examples. */
function printGroups(
  title: string,
  items: readonly { reason: string; example: string }[],
  examples = 3,
): void {
  const groups = new Map<string, string[]>();
  for (const { reason, example } of items) {
    const list = groups.get(reason) ?? [];
    list.push(example);
    groups.set(reason, list);
  }
  if (groups.size === 0) return;
  console.log(title);
  for (const [reason, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${list.length} × ${reason}`);
    for (const e of list.slice(0, examples)) console.log(`      e.g. ${e}`);
  }
}

function reasonOf(d: Diagnostic): string {
  return `${d.code} ${d.message.replace(/"[^"]*"/g, '"…"').replace(/%[^%\s]+%/g, '%…%')}`;
}

function relative(file: string): string {
  return path.relative(corpusPath('sigma'), file);
}

interface RegressionTest {
  readonly rule: SigmaRule;
  readonly evtx: string;
  readonly matchCount: number;
}

/** The `regression_tests_info` entries of a rule's info.yml (type evtx). */
function regressionTests(rule: SigmaRule): RegressionTest[] | string {
  const infoPath = corpusPath('sigma', rule.regressionTestsPath ?? '');
  if (!existsSync(infoPath)) return `info.yml missing: ${rule.regressionTestsPath}`;
  const text = readFileSync(infoPath, 'utf8');
  // info.yml is flat and regular; a line reader keeps this section independent of rule loading.
  const tests: RegressionTest[] = [];
  let current: { type?: string; path?: string; matchCount?: number } | undefined;
  const flush = () => {
    if (current?.type === 'evtx' && current.path) {
      tests.push({
        rule,
        evtx: corpusPath('sigma', current.path),
        matchCount: current.matchCount ?? 1,
      });
    }
  };
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s*-\s+name:/.exec(line);
    if (item) {
      flush();
      current = {};
    }
    const m = /^\s*(?:-\s+)?(type|path|match_count):\s*(\S+)/.exec(line);
    if (m && current) {
      const value = m[2] ?? '';
      if (m[1] === 'type') current.type = value;
      else if (m[1] === 'path') current.path = value;
      else current.matchCount = Number(value);
    }
  }
  flush();
  return tests;
}

async function readEvents(file: string): Promise<{ events: Event[]; problems: string[] }> {
  const problems: string[] = [];
  const source = readEvtx(file, {
    index: 'wineventlog',
    needRaw: false,
    onProblem: (p) => problems.push(`${p.location}: ${p.message}`),
  });
  const events: Event[] = [];
  for await (const batch of source) events.push(...batch);
  return { events, problems };
}

/**
 * Matched events of the rule's SPL (convert --to spl, pipeline spelunk) run by our SPL engine.
 * Events get their Sigma field spellings (`Source Name` → `SourceName`) as the matcher sees them.
 */
function splCount(queries: readonly string[], events: readonly Event[]): number | string {
  const tagged = events.map((e, i) => {
    const copy: Event = { ...e, spelunk_event: String(i) };
    for (const key of Object.keys(e))
      if (key.includes(' ')) copy[key.replaceAll(' ', '')] ??= e[key];
    return copy;
  });
  const matched = new Set<string>();
  for (const query of queries) {
    const compiled = compileSpl(query);
    if (!compiled.ok)
      return `SPL engine refused the search: ${compiled.diagnostics[0]?.message ?? ''}`;
    const run = compiled.value.start({
      emit: (rows) => {
        for (const row of rows) matched.add(String(row['spelunk_event']));
      },
    });
    run.push(tagged);
    run.finish();
  }
  return matched.size;
}

/** A rule's identity across loads: its file and title (the cache rebuilds the rule objects). */
const ruleName = (rule: SigmaRule) => `${rule.origin.source.name}\u0000${rule.title}`;

/**
 * The same rules through the compiled rule-set cache (written, then read back): each regression
 * pair must match exactly as many events from the cache as from the cold compile.
 */
function cachedMatcher(): {
  match(event: Event, rule: SigmaRule): boolean;
  cache: string;
  stats: MatcherStats;
} {
  const cacheDir = path.join(REPO_ROOT, '.conformance-tmp', 'sigma-regression-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const paths = RULE_DIRS.map((d) => corpusPath('sigma', d));
  const written = loadSigmaRules(paths, { cacheDir });
  // Every route the rules name built once and its automata cached, so that the matcher below
  // takes them from the cache (route-automata.ts) instead of building them.
  const builder = createSigmaMatcher(written.compiled);
  for (const { routes } of builder.routes()) {
    for (const { channels, eventIds } of routes) {
      for (const Channel of channels ?? [undefined]) {
        for (const EventID of eventIds ?? [undefined]) {
          builder.match({
            ...(Channel === undefined ? {} : { Channel }),
            ...(EventID === undefined ? {} : { EventID }),
          });
        }
      }
    }
  }
  builder.persist();
  const { compiled, cache } = loadSigmaRules(paths, { cacheDir });
  const matcher = createSigmaMatcher(compiled);
  const indexOf = new Map(compiled.rules.map((c, i) => [ruleName(c.rule), i]));
  return {
    cache: `${written.cache}, then ${cache}`,
    stats: matcher.stats,
    match: (event, rule) =>
      matcher.match(event).some((m) => m.ruleIndex === indexOf.get(ruleName(rule))),
  };
}

async function runRegression(ruleSet: SigmaRuleSet, hardFailures: string[]): Promise<number> {
  const withTests = ruleSet.rules.filter((r) => r.regressionTestsPath !== undefined);
  const failures: { reason: string; example: string }[] = [];
  const splFailures: { reason: string; example: string }[] = [];
  const spl = convertToSpl(
    { ...ruleSet, rules: withTests, correlations: [] },
    { pipeline: 'spelunk' },
  );
  const splQueries = new Map(spl.documents.map((d) => [d.document, d.queries]));
  let pairs = 0;
  let passed = 0;
  let splPassed = 0;
  // The whole rule set compiles once; each pair checks only its own rule's count.
  const compiled = compileSigmaRules(ruleSet);
  const matcher = createSigmaMatcher(compiled);
  const indexOf = new Map(compiled.rules.map((c, i) => [c.rule, i]));
  const cached = cachedMatcher();
  let cachedSame = 0;
  let compared = 0;
  for (const rule of withTests) {
    const tests = regressionTests(rule);
    if (typeof tests === 'string') {
      failures.push({ reason: tests, example: relative(rule.origin.source.name) });
      continue;
    }
    for (const test of tests) {
      pairs++;
      const label = `${rule.title} (${path.basename(test.evtx)})`;
      const ruleIndex = indexOf.get(rule);
      if (ruleIndex === undefined) {
        const inactive = compiled.inactive.find((i) => i.rule === rule);
        failures.push({
          reason: `rule did not compile: ${inactive ? reasonOf(inactive.diagnostic) : 'unknown'}`,
          example: label,
        });
        continue;
      }
      const { events, problems } = await readEvents(test.evtx);
      const count = events.filter((e) =>
        matcher.match(e).some((m) => m.ruleIndex === ruleIndex),
      ).length;
      const fromCache = events.filter((e) => cached.match(e, rule)).length;
      compared++;
      if (fromCache === count) cachedSame++;
      else hardFailures.push(`${label}: ${fromCache} matches from the cache, ${count} cold`);
      const queries = splQueries.get(rule) ?? [];
      const viaSpl = queries.length === 0 ? 'not converted' : splCount(queries, events);
      if (viaSpl === count && count >= test.matchCount) splPassed++;
      else {
        splFailures.push({
          reason:
            typeof viaSpl === 'string' ? viaSpl : `SPL matched ${viaSpl}, the matcher ${count}`,
          example: label,
        });
      }
      if (count >= test.matchCount) passed++;
      else {
        const channels = [...new Set(events.map((e) => `${e['Channel']}/${e['EventID']}`))].join(
          ', ',
        );
        failures.push({
          reason: `matched ${count} of ${events.length} events, needs ${test.matchCount}${problems.length ? ` (reader: ${problems[0]})` : ''}`,
          example: `${label} [${channels}]`,
        });
      }
    }
  }
  console.log(
    `regression ${passed}/${pairs} (SigmaHQ has ${EXPECTED_PAIRS} pairs; through the EVTX reader)`,
  );
  printGroups('regression failures:', failures);
  console.log(
    `regression via SPL ${splPassed}/${pairs} (convert --to spl run by the SPL engine: same count as the matcher, and enough)`,
  );
  printGroups('regression via SPL failures:', splFailures);
  console.log(
    `regression from the rule-set cache (${cached.cache}; ${cached.stats.automataCached} of ${cached.stats.automata} automata from the cache): ${cachedSame}/${compared} pairs match as many events as the cold compile`,
  );
  if (cached.stats.automataCached === 0)
    hardFailures.push('no automaton of the cached matcher came from the route-program cache');
  return pairs;
}

const section: ConformanceSection = {
  name: 'sigma',
  description: 'SigmaHQ rules loaded and compiled; regression pairs (rule → EVTX) matched',
  async run() {
    const hardFailures: string[] = [];
    const files = readSigmaFiles(RULE_DIRS.map((d) => corpusPath('sigma', d)));
    const ruleSet = loadSigmaRuleSet(files.sources, files.diagnostics);
    const documents = ruleSet.documents.length;
    const loaded = ruleSet.rules.length + ruleSet.correlations.length + ruleSet.filters.length;
    console.log(`loaded ${loaded}/${documents} documents (SigmaHQ has ${EXPECTED_RULES} rules)`);
    printGroups(
      'not loaded:',
      ruleSet.documents
        .filter((d) => d.document === undefined)
        .map((d) => ({
          reason: reasonOf(
            d.diagnostics.find((x) => x.severity === 'error') ?? (d.diagnostics[0] as Diagnostic),
          ),
          example: relative(d.source.name),
        })),
    );
    const warnings = ruleSet.documents.flatMap((d) =>
      d.diagnostics.filter((x) => x.severity === 'warning'),
    );
    if (warnings.length > 0)
      console.log(
        `load warnings: ${warnings.length} (${[...new Set(warnings.map((w) => w.code))].join(', ')})`,
      );
    const compiled = compileSigmaRules(ruleSet);
    console.log(
      `compiled ${compiled.rules.length}/${ruleSet.rules.length} with the built-in Windows mapping (${compiled.predicates.length} distinct predicates)`,
    );
    // Rules of products the Windows mapping does not cover are grouped by product.
    printGroups(
      'not compiled (inactive):',
      compiled.inactive.map((i) => ({
        reason:
          i.diagnostic.code === 'SIGMA051' && i.rule.logsource.product !== 'windows'
            ? `SIGMA051 no logsource mapping for product ${i.rule.logsource.product ?? '(none)'}`
            : reasonOf(i.diagnostic),
        example: relative(i.rule.origin.source.name),
      })),
      1,
    );
    const windows = ruleSet.rules.filter((r) => r.logsource.product === 'windows');
    const windowsActive = compiled.rules.filter(
      (c) => c.rule.logsource.product === 'windows',
    ).length;
    console.log(`windows rules compiled: ${windowsActive}/${windows.length}`);
    if (ruleSet.rules.length === 0)
      hardFailures.push('no rule loaded: the corpus or the loader is broken');
    const pairs = await runRegression(ruleSet, hardFailures);
    if (pairs === 0) hardFailures.push('no regression pair found');
    return { hardFailures };
  },
};

export default section;
