// The route-program cache (sigma/cache/route-automata.ts): automata a run built are taken by the
// next run instead of built, and match exactly as built ones, on the main thread and on a worker;
// routes the cache lacks are built and added; a changed rule, mapping or code version makes it
// stale; a damaged file is ignored with a warning (SIGMA080).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import {
  createSigmaMatcher,
  decodeMatcher,
  encodeMatcher,
  type LoadedSigmaRules,
  loadLogsourceMapping,
  loadSigmaRules,
  type SigmaMatcher,
  type SigmaRulesOptions,
} from '../../../src/sigma/index.ts';
import { randomEvents, randomRules, seeded } from '../matcher/random-corpus.ts';

/** Hand-written rules whose literals sit on several routes (two process-creation channels). */
const FIXTURE = `title: Tunnel binary
logsource: {category: process_creation, product: windows}
detection:
    sel:
        Image|endswith: ['\\code.exe', '\\devtunnel.exe', '\\ngrok.exe']
        CommandLine|contains: ['tunnel', 'host', '--accept-server-license-terms']
    condition: sel
---
title: Tunnel domain
logsource: {category: dns_query, product: windows}
detection:
    sel:
        QueryName|endswith: ['.devtunnels.ms', '.tunnels.api.visualstudio.com', '.ngrok.io']
    condition: sel
---
title: Keyword anywhere
logsource: {product: windows, service: security}
detection:
    keywords: ['mimikatz', 'sekurlsa']
    condition: keywords
`;

const FIXTURE_EVENTS: Event[] = [
  {
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    Image: 'C:\\x\\code.exe',
    CommandLine: 'code tunnel --accept-server-license-terms',
  },
  {
    Channel: 'Security',
    EventID: '4688',
    NewProcessName: 'C:\\x\\DEVTUNNEL.EXE',
    CommandLine: 'devtunnel host -p 80',
  },
  {
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '22',
    QueryName: 'abc.euw.devtunnels.ms',
  },
  { Channel: 'Security', EventID: '4624', TargetUserName: 'ran sekurlsa::logonpasswords' },
  {
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    Image: 'C:\\x\\ngrok.exe',
    CommandLine: 'start',
  },
];

function ruleFolder(seed: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spelunk-route-automata-'));
  writeFileSync(path.join(dir, 'random.yml'), randomRules(seeded(seed), 150));
  writeFileSync(path.join(dir, 'fixture.yml'), FIXTURE);
  return dir;
}

const EVENTS = [...FIXTURE_EVENTS, ...randomEvents(seeded(32), 2000), ...FIXTURE_EVENTS];

const matchesOf = (matcher: SigmaMatcher, events: readonly Event[]) =>
  events.map((e) => matcher.match(e).map((m) => `${m.ruleIndex}:${m.entryName}`));

/** Matches over the events, then the automata built offered to the cache (as a hunt's end does). */
function run(loaded: LoadedSigmaRules, events: readonly Event[] = EVENTS) {
  const matcher = createSigmaMatcher(loaded.compiled);
  const matches = matchesOf(matcher, events);
  matcher.persist();
  return { matches, stats: { ...matcher.stats } };
}

function automataFile(cacheDir: string): string {
  const dir = path.join(cacheDir, 'sigma');
  return path.join(dir, readdirSync(dir).find((f) => f.endsWith('.automata')) as string);
}

test('cached automata match exactly as built ones, here and on a worker, and none is built again', () => {
  const rules = ruleFolder(31);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const uncached = loadSigmaRules([rules], { cacheDir: null });
  const expected = run(uncached);
  assert.ok(expected.matches.flat().length > 200, `${expected.matches.flat().length} matches`);
  // The hand-written rules fire on their events (Security 4688 through the mapping's entry).
  const fired = (title: string, event: number) => {
    const index = uncached.compiled.rules.findIndex((r) => r.rule.title === title);
    return expected.matches[event]?.some((m) => m.startsWith(`${index}:`));
  };
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((i) =>
      fired(
        ['Tunnel binary', 'Tunnel binary', 'Tunnel domain', 'Keyword anywhere', 'Tunnel binary'][
          i
        ] as string,
        i,
      ),
    ),
    [true, true, true, true, false],
  );
  const cold = run(loadSigmaRules([rules], { cacheDir }));
  assert.equal(cold.stats.automataCached, 0);
  assert.ok(cold.stats.automata > 3, `${cold.stats.automata} automata`);
  assert.deepEqual(cold.matches, expected.matches);
  const warmLoad = loadSigmaRules([rules], { cacheDir });
  assert.equal(warmLoad.cache, 'hit');
  const warm = run(warmLoad);
  assert.deepEqual(warm.matches, expected.matches);
  assert.equal(warm.stats.automataCached, warm.stats.automata);
  assert.equal(warm.stats.automatonBytes, cold.stats.automatonBytes);
  // A worker is sent the same bytes (shared memory) and takes every automaton from them.
  const worker = decodeMatcher(structuredClone(encodeMatcher(warmLoad.compiled)));
  assert.deepEqual(matchesOf(worker, EVENTS), expected.matches);
  assert.equal(worker.stats.automataCached, worker.stats.automata);
});

test('routes the cache lacks are built and added for the next run', () => {
  const rules = ruleFolder(33);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const expected = run(loadSigmaRules([rules], { cacheDir: null })).matches;
  const security = EVENTS.filter((e) => e['Channel'] === 'Security');
  const first = run(loadSigmaRules([rules], { cacheDir }), security);
  const second = run(loadSigmaRules([rules], { cacheDir }));
  assert.ok(second.stats.automataCached > 0);
  assert.ok(second.stats.automataCached < second.stats.automata);
  assert.ok(first.stats.automata < second.stats.automata);
  assert.deepEqual(second.matches, expected);
  const third = run(loadSigmaRules([rules], { cacheDir }));
  assert.equal(third.stats.automataCached, third.stats.automata);
  assert.deepEqual(third.matches, expected);
});

test('a changed rule, mapping or code version leaves the cached automata unused', () => {
  const rules = ruleFolder(35);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const warmed = (options: SigmaRulesOptions) => {
    run(loadSigmaRules([rules], options));
    return run(loadSigmaRules([rules], options)).stats;
  };
  const base = warmed({ cacheDir });
  assert.equal(base.automataCached, base.automata);
  const changed = (options: SigmaRulesOptions) => run(loadSigmaRules([rules], options)).stats;
  assert.equal(changed({ cacheDir, version: 'another build' }).automataCached, 0);
  const { mapping } = loadLogsourceMapping({
    name: 'm.yml',
    text: 'extends: default\nfieldmappings:\n  Image: process_path\nlogsources: []\n',
  });
  assert.ok(mapping !== undefined);
  assert.equal(changed({ cacheDir, mapping }).automataCached, 0);
  const file = path.join(rules, 'fixture.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('.ngrok.io', '.ngrok.app'));
  const after = changed({ cacheDir });
  assert.equal(after.automataCached, 0);
  // Written anew under the new key.
  const again = run(loadSigmaRules([rules], { cacheDir })).stats;
  assert.equal(again.automataCached, again.automata);
});

test('a damaged route-program cache is ignored with a warning and its automata are built again', () => {
  const rules = ruleFolder(37);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const expected = run(loadSigmaRules([rules], { cacheDir })).matches;
  const file = automataFile(cacheDir);
  const whole = readFileSync(file);
  const newline = whole.indexOf(10);
  const flip = (at: number) => {
    const copy = Buffer.from(whole);
    copy[at] = (copy[at] as number) ^ 0x01;
    return copy;
  };
  const header = whole.subarray(0, newline).toString('utf8');
  const moved = header.replace(/\[("[0-9a-f]{64}"),(\d+),/, (_, h, o) => `[${h},${Number(o) + 8},`);
  assert.notEqual(moved, header);
  const damages: [string, Buffer][] = [
    ['a flipped payload byte', flip(whole.length - 3)],
    ['a moved entry', Buffer.concat([Buffer.from(moved), whole.subarray(newline)])],
    ['truncated', whole.subarray(0, whole.length - 16)],
    ['garbage', Buffer.from('\u0000\u0001 not a cache')],
    ['an empty file', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of damages) {
    writeFileSync(file, bytes);
    const loaded = loadSigmaRules([rules], { cacheDir });
    assert.equal(loaded.cache, 'hit', what);
    const warnings = loaded.diagnostics.filter((d) => d.code === 'SIGMA080');
    assert.equal(warnings.length, 1, what);
    assert.equal(warnings[0]?.severity, 'warning', what);
    assert.match(warnings[0]?.message ?? '', /route-program cache .* was ignored/, what);
    const damaged = run(loaded);
    assert.equal(damaged.stats.automataCached, 0, what);
    assert.deepEqual(damaged.matches, expected, what);
    const again = loadSigmaRules([rules], { cacheDir });
    assert.ok(!again.diagnostics.some((d) => d.code === 'SIGMA080'), what);
    const healed = run(again);
    assert.equal(healed.stats.automataCached, healed.stats.automata, what);
    assert.deepEqual(healed.matches, expected, what);
  }
});
