// Fuzz target: the regex analysis's soundness against V8 itself. Random patterns over a small
// alphabet; each one the analysis proves linear is run on V8 against pumped texts of growing
// length. Exponential backtracking multiplies the time by thousands between the two lengths,
// linear by two: a pattern proven linear that grows that fast is a failure of the proof.
import assert from 'node:assert/strict';
import { backtrackingCost } from '../../src/core/index.ts';
import type { SeededRandom } from '../../src/core/seeded-random.ts';
import { type FuzzTarget, int, pick } from './fuzz-kit.ts';

function node(next: SeededRandom, depth: number): string {
  const roll = next();
  if (depth <= 0 || roll < 0.3) return pick(next, ['a', 'b', '[ab]', '.', 'a', 'b', '\\w', 'ab']);
  if (roll < 0.45) return `(?:${node(next, depth - 1)}|${node(next, depth - 1)})`;
  if (roll < 0.7) return `${node(next, depth - 1)}${node(next, depth - 1)}`;
  if (roll < 0.85)
    return `(?:${node(next, depth - 1)})${pick(next, ['*', '+', '?', '{1,3}', '*?', '{2,}'])}`;
  if (roll < 0.9) return `(${node(next, depth - 1)})`;
  if (roll < 0.95) return `(?=${node(next, depth - 1)})`;
  return `(?!${node(next, 1)})`;
}

/**
 * Milliseconds V8 spends testing `text`: the fastest of five trials, each averaged over enough
 * repetitions to be measurable, so a GC pause or a busy machine does not count.
 */
function timeOf(regex: RegExp, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let trial = 0; trial < 5; trial++) {
    const started = performance.now();
    let reps = 0;
    do {
      regex.test(text);
      reps++;
    } while (performance.now() - started < 1 && reps < 100);
    best = Math.min(best, (performance.now() - started) / reps);
  }
  return best;
}

export const regexTarget: FuzzTarget = {
  name: 'regex',
  generate: (next) => {
    const anchored = next() < 0.4;
    const pump = Array.from({ length: 1 + int(next, 3) }, () => pick(next, ['a', 'b'])).join('');
    return JSON.stringify({
      source: `${anchored ? '^' : ''}${node(next, 5)}${pick(next, ['$', 'c', '', 'b$'])}`,
      pump,
    });
  },
  async check(input) {
    const { source, pump } = JSON.parse(
      typeof input === 'string' ? input : Buffer.from(input).toString('utf8'),
    ) as { source: string; pump: string };
    let regex: RegExp;
    try {
      regex = new RegExp(source);
    } catch {
      return;
    }
    const { cost } = backtrackingCost(source, '');
    if (cost.kind !== 'linear') return;
    // Pumped text that ends in a character nothing matches: every attempt must fail.
    const text = (n: number) => `${pump.repeat(Math.ceil(n / pump.length)).slice(0, n)}!`;
    const short = timeOf(regex, text(16));
    const long = timeOf(regex, text(32));
    if (long > 1) {
      assert.ok(
        long / Math.max(short, 0.001) < 64,
        `${source} on ${pump}: ${short} ms → ${long} ms`,
      );
    }
    const longer = timeOf(regex, text(256));
    assert.ok(longer < 50, `${source} on ${pump}: ${longer} ms for 256 characters`);
  },
};
