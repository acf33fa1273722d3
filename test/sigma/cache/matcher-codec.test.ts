// A matcher rebuilt from `encodeMatcher` data after a structured clone (what a worker thread is
// sent) matches exactly what the sender's own matcher matches: the same rule indices and entry
// names, in the same order, for random rules of every value kind over random events.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  createSigmaMatcher,
  decodeMatcher,
  encodeMatcher,
  loadSigmaRules,
  type SigmaMatcher,
} from '../../../src/sigma/index.ts';
import { randomEvents, randomRules, seeded } from '../matcher/random-corpus.ts';

const matchesOf = (matcher: SigmaMatcher, events: readonly Record<string, unknown>[]) =>
  events.map((e) =>
    matcher
      .match(e as Parameters<SigmaMatcher['match']>[0])
      .map((m) => `${m.ruleIndex}:${m.entryName}:${m.report}`),
  );

for (const cache of ['cold', 'warm'] as const) {
  test(`a matcher sent to a worker matches as the sender's does (${cache} rule set)`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spelunk-matcher-codec-'));
    writeFileSync(path.join(dir, 'random.yml'), randomRules(seeded(21), 150));
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
    loadSigmaRules([dir], { cacheDir });
    const loaded = loadSigmaRules([dir], cache === 'cold' ? { cacheDir: null } : { cacheDir });
    assert.equal(loaded.cache, cache === 'cold' ? 'off' : 'hit');
    const events = randomEvents(seeded(22), 2000);
    const expected = matchesOf(createSigmaMatcher(loaded.compiled), events);
    assert.ok(expected.flat().length > 200, `${expected.flat().length} matches`);
    const sent = structuredClone(encodeMatcher(loaded.compiled));
    assert.deepEqual(matchesOf(decodeMatcher(sent), events), expected);
  });
}
