// The matcher data the main thread keeps for HEC's parse workers, packed into bytes: a worker's
// matcher from it (after the structured clone a postMessage makes) matches exactly what the
// sender's own matcher matches, with and without the route-program cache's shared bytes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BatchMatcher } from '../../../src/server/detect/stream/batch-matcher.ts';
import { packMatcher } from '../../../src/server/detect/stream/packed-matcher.ts';
import { createSigmaMatcher, loadSigmaRules } from '../../../src/sigma/index.ts';
import { randomEvents, randomRules, seeded } from '../../sigma/matcher/random-corpus.ts';

for (const cache of ['cold', 'warm'] as const) {
  test(`a packed matcher matches as the sender's does (${cache} rule set)`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spelunk-packed-matcher-'));
    writeFileSync(path.join(dir, 'random.yml'), randomRules(seeded(31), 150));
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
    loadSigmaRules([dir], { cacheDir });
    const loaded = loadSigmaRules([dir], cache === 'cold' ? { cacheDir: null } : { cacheDir });
    const packed = packMatcher(loaded.compiled);
    assert.ok(packed.bytes instanceof Uint8Array);
    assert.equal(packed.automata === undefined, cache === 'cold');
    const events = randomEvents(seeded(32), 2000);
    const own = createSigmaMatcher(loaded.compiled);
    const batch = new BatchMatcher({ version: 7, data: structuredClone(packed) }).batch();
    const expected: number[] = [];
    events.forEach((event, row) => {
      for (const m of own.match(event)) expected.push(row, m.ruleIndex);
      batch.add(event, row);
    });
    assert.ok(expected.length > 400, `${expected.length / 2} matches`);
    const found = batch.finish();
    assert.equal(found?.version, 7);
    assert.deepEqual([...(found?.found ?? [])], expected);
  });
}
