// The compiled rule-set cache: the same findings, rules and diagnostics as a cold compile; a
// changed rule, mapping, selection or code version compiles again; a damaged cache is ignored with
// a warning (SIGMA080), an unwritable folder is reported (SIGMA081).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatDiagnostics } from '../../../src/core/diagnostic.ts';
import type { Event } from '../../../src/core/event.ts';
import { compilerLibraries, libraryVersion } from '../../../src/sigma/cache/cache-key.ts';
import {
  createSigmaDetector,
  type LoadedSigmaRules,
  loadLogsourceMapping,
  loadSigmaRules,
  type SigmaDocumentHead,
  type SigmaRuleChoice,
  type SigmaRulesOptions,
} from '../../../src/sigma/index.ts';
import { randomEvents, randomRules, seeded } from '../matcher/random-corpus.ts';

const CORRELATED = `title: Failed logon
name: failed
logsource: {product: windows, service: security}
detection:
    sel:
        EventID: 4625
    condition: sel
---
title: Many failed logons
correlation:
    type: event_count
    rules: failed
    group-by: [TargetUserName]
    timespan: 1h
    condition: {gte: 3}
---
title: Filter admins
logsource: {category: process_creation, product: windows}
filter:
    rules: any
    selection:
        User|startswith: 'CORP\\admin'
    condition: not selection
---
title: Broken rule
logsource: {product: windows}
detection:
    sel:
        Image|nosuchmodifier: x
    condition: sel
`;

/** A folder of rule files: random rules of every value kind, and correlations, a filter, an error. */
function ruleFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spelunk-rules-'));
  writeFileSync(path.join(dir, 'random.yml'), randomRules(seeded(11), 120));
  mkdirSync(path.join(dir, 'more'));
  writeFileSync(path.join(dir, 'more', 'correlated.yml'), CORRELATED);
  return dir;
}

const failed = (i: number): Event => ({
  Channel: 'Security',
  EventID: '4625',
  _time: 1_700_000_000 + i,
  TargetUserName: `user${i % 2}`,
});

/** Every finding's title and event index, and the correlations' group and value. */
function findings(loaded: LoadedSigmaRules, events: readonly Event[]): string[] {
  const detector = createSigmaDetector(loaded.compiled);
  const out: string[] = [];
  events.forEach((event, i) => {
    for (const f of detector.detect(event)) out.push(`${i} ${f.kind} ${f.title} ${f.value ?? ''}`);
  });
  for (const f of detector.finish()) out.push(`end ${f.kind} ${f.title} ${f.value ?? ''}`);
  return out;
}

function cacheFile(cacheDir: string): string {
  const dir = path.join(cacheDir, 'sigma');
  const name = readdirSync(dir).find((f) => f.endsWith('.json'));
  return path.join(dir, name as string);
}

const EVENTS = [
  ...randomEvents(seeded(12), 1500),
  ...Array.from({ length: 8 }, (_, i) => failed(i)),
];

test('a cached rule set finds, reports and describes exactly what a cold compile does', () => {
  const rules = ruleFolder();
  const options: SigmaRulesOptions = { cacheDir: mkdtempSync(path.join(os.tmpdir(), 'cache-')) };
  const cold = loadSigmaRules([rules], options);
  const warm = loadSigmaRules([rules], options);
  const uncached = loadSigmaRules([rules], { cacheDir: null });
  assert.deepEqual([cold.cache, warm.cache, uncached.cache], ['written', 'hit', 'off']);
  const expected = findings(uncached, EVENTS);
  assert.ok(expected.length > 300, `${expected.length} findings`);
  assert.ok(expected.some((f) => f.includes('Many failed logons')));
  assert.deepEqual(findings(cold, EVENTS), expected);
  assert.deepEqual(findings(warm, EVENTS), expected);
  assert.equal(formatDiagnostics(warm.diagnostics), formatDiagnostics(uncached.diagnostics));
  assert.ok(warm.diagnostics.some((d) => d.code === 'SIGMA021'));
  // Every attribute of every rule, the parsed detection included, and every predicate.
  const plain = (x: LoadedSigmaRules) =>
    x.compiled.rules.map(({ rule, variants, report }) => ({
      rule: {
        ...rule,
        detection: rule.detection,
        fields: rule.fields,
        references: rule.references,
        falsepositives: rule.falsepositives,
      },
      variants,
      report,
    }));
  assert.deepEqual(plain(warm), plain(uncached));
  assert.deepEqual(
    warm.compiled.predicates.map((p) => [p.key, p.field, p.index, p.positive, p.value]),
    uncached.compiled.predicates.map((p) => [p.key, p.field, p.index, p.positive, p.value]),
  );
  assert.deepEqual(warm.compiled.correlations, uncached.compiled.correlations);
  assert.deepEqual(
    warm.compiled.inactive.map((i) => [i.rule.title, i.diagnostic.message]),
    uncached.compiled.inactive.map((i) => [i.rule.title, i.diagnostic.message]),
  );
});

test('a changed rule, mapping, selection or code version compiles again', () => {
  const rules = ruleFolder();
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  assert.equal(loadSigmaRules([rules], { cacheDir }).cache, 'written');
  assert.equal(loadSigmaRules([rules], { cacheDir }).cache, 'hit');
  const file = path.join(rules, 'more', 'correlated.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('gte: 3', 'gte: 7'));
  const changed = loadSigmaRules([rules], { cacheDir });
  assert.equal(changed.cache, 'written');
  assert.equal(findings(changed, EVENTS).filter((f) => f.includes('Many failed')).length, 0);
  assert.equal(loadSigmaRules([rules], { cacheDir }).cache, 'hit');
  const { mapping } = loadLogsourceMapping({
    name: 'm.yml',
    text: 'extends: default\nfieldmappings:\n  Image: process_path\nlogsources: []\n',
  });
  assert.ok(mapping !== undefined);
  assert.equal(loadSigmaRules([rules], { cacheDir, mapping }).cache, 'written');
  assert.equal(loadSigmaRules([rules], { cacheDir, mapping }).cache, 'hit');
  const choice = {
    key: 'Failed logon only',
    keeps: (h: SigmaDocumentHead) => h.title === 'Failed logon',
  };
  assert.equal(loadSigmaRules([rules], { cacheDir, choice }).cache, 'written');
  assert.equal(loadSigmaRules([rules], { cacheDir, choice }).cache, 'hit');
  assert.equal(loadSigmaRules([rules], { cacheDir, version: 'another build' }).cache, 'written');
  assert.equal(loadSigmaRules([rules], { cacheDir, version: 'another build' }).cache, 'hit');
});

test('a rule choice is asked the same questions from the cache; one that answers otherwise is not trusted', () => {
  const rules = ruleFolder();
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const titles = [
    ...readFileSync(path.join(rules, 'random.yml'), 'utf8').matchAll(/^title: (.*)$/gm),
  ];
  const [one, two] = titles.map((m) => m[1] as string);
  assert.ok(one !== undefined && two !== undefined && one !== two);
  /** Keeps the correlation (and so the rule it reads) and the rule titled `kept`. */
  const choiceOf = (kept: string) => {
    const asked: string[] = [];
    const choice: SigmaRuleChoice = {
      key: 'the correlation and one rule',
      keeps: (head) => {
        asked.push(`${head.kind} ${head.title} ${path.basename(head.file)}`);
        return head.kind === 'correlation' || head.title === kept;
      },
    };
    return { choice, asked };
  };
  const reported = (loaded: LoadedSigmaRules) =>
    loaded.compiled.rules.map((r) => [r.rule.title, r.report]).sort();
  const first = choiceOf(one);
  const cold = loadSigmaRules([rules], { cacheDir, choice: first.choice });
  assert.equal(cold.cache, 'written');
  // The correlation is asked first; the rule it reads is not asked, it runs with it, unreported.
  assert.equal(first.asked[0], 'correlation Many failed logons correlated.yml');
  assert.ok(!first.asked.some((a) => a.startsWith('rule Failed logon ')));
  assert.deepEqual(reported(cold), [
    ['Failed logon', false],
    [one, true],
  ]);
  const second = choiceOf(one);
  const warm = loadSigmaRules([rules], { cacheDir, choice: second.choice });
  assert.equal(warm.cache, 'hit');
  assert.deepEqual(second.asked, first.asked);
  assert.deepEqual(findings(warm, EVENTS), findings(cold, EVENTS));
  // The same key, other answers (a key that leaves something out): compiled again, with a warning.
  const changed = loadSigmaRules([rules], { cacheDir, choice: choiceOf(two).choice });
  assert.equal(changed.cache, 'written');
  assert.equal(changed.diagnostics[0]?.code, 'SIGMA080');
  assert.match(changed.diagnostics[0]?.message ?? '', /answers otherwise for "/);
  assert.deepEqual(reported(changed), [
    ['Failed logon', false],
    [two, true],
  ]);
});

test('a damaged cache is ignored with a warning and the rules are compiled again', () => {
  const rules = ruleFolder();
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const expected = findings(loadSigmaRules([rules], { cacheDir }), EVENTS);
  const file = cacheFile(cacheDir);
  const whole = readFileSync(file);
  const damages: [string, Buffer][] = [
    [
      'a flipped byte',
      Buffer.concat([whole.subarray(0, -10), Buffer.from('X'), whole.subarray(-9)]),
    ],
    ['truncated', whole.subarray(0, whole.length - 100)],
    ['garbage', Buffer.from('\u0000\u0001 not a cache')],
    ['an empty file', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of damages) {
    writeFileSync(file, bytes);
    const loaded = loadSigmaRules([rules], { cacheDir });
    assert.equal(loaded.cache, 'written', what);
    assert.equal(loaded.diagnostics[0]?.code, 'SIGMA080', what);
    assert.equal(loaded.diagnostics[0]?.severity, 'warning', what);
    assert.deepEqual(findings(loaded, EVENTS), expected, what);
    const again = loadSigmaRules([rules], { cacheDir });
    assert.equal(again.cache, 'hit', what);
    assert.ok(!again.diagnostics.some((d) => d.code === 'SIGMA080'), what);
  }
});

test('a cache folder that cannot be written is reported once per load, and the rules still run', () => {
  const rules = ruleFolder();
  const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), 'cache-')), 'file');
  writeFileSync(blocker, 'not a folder');
  const loaded = loadSigmaRules([rules], { cacheDir: blocker });
  assert.equal(loaded.cache, 'unwritable');
  assert.equal(loaded.diagnostics.filter((d) => d.code === 'SIGMA081').length, 1);
  assert.deepEqual(
    findings(loaded, EVENTS),
    findings(loadSigmaRules([rules], { cacheDir: null }), EVENTS),
  );
});

test('the code version names the libraries compiling depends on; one not installed is absent', () => {
  const libraries = compilerLibraries();
  assert.ok(
    libraries.some((l) => /^yaml@\d+\.\d+/.test(l)),
    libraries.join(' '),
  );
  assert.ok(
    libraries.some((l) => /^re2js@\d+\.\d+/.test(l)),
    libraries.join(' '),
  );
  assert.equal(libraryVersion('spelunk-no-such-library'), 'spelunk-no-such-library@absent');
});
