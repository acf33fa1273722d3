// The automaton against a naive search: every occurrence of every pattern, case-folded, with
// dense rows everywhere (small automata) and with the sparse states large automata mostly have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../src/core/seeded-random.ts';
import { foldCase } from '../../../src/sigma/compile/case-fold.ts';
import { buildAhoCorasick } from '../../../src/sigma/matcher/aho-corasick.ts';

function naive(patterns: readonly string[], text: string): string[] {
  const folded = foldCase(text);
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = folded.indexOf(p); i >= 0; i = folded.indexOf(p, i + 1))
      out.push(`${id}@${i + p.length - 1}`);
  });
  return out.sort();
}

/** Dense rows as built by default, for the root only, and for the root and one more state. */
const LAYOUTS = [{}, { maxDense: 1 }, { maxDense: 2 }];

function agrees(patterns: readonly string[], text: string, message = ''): void {
  const expected = naive(patterns, text);
  for (const layout of LAYOUTS) {
    const out: string[] = [];
    buildAhoCorasick(patterns, layout).scan(text, (id, end) => out.push(`${id}@${end}`));
    assert.deepEqual(out.sort(), expected, `${message} ${JSON.stringify(layout)}`);
  }
}

test('overlapping and nested patterns', () => {
  agrees(['he', 'she', 'his', 'hers', 'e'], 'USHERS ahishers');
});

test('non-ASCII patterns and text, and non-ASCII text that folds to ASCII (K: Kelvin sign)', () => {
  agrees(['–enc', 'ünïcode', 'x–y', '\u0441md', 'kb'], 'A –ENC B ÜNÏCODE x–y \u0421MD –en \u212Ab');
});

test('duplicate patterns report every id', () => {
  agrees(['ab', 'ab', 'b'], 'xabab');
});

test('random patterns over a small alphabet agree with the naive search', () => {
  const next = mulberry32(7);
  const alphabet = 'abcAB\\.-–é';
  const word = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  for (let round = 0; round < 60; round++) {
    const patterns = [
      ...new Set(Array.from({ length: 40 }, () => foldCase(word(1 + Math.floor(next() * 8))))),
    ];
    agrees(patterns, word(300), `round ${round}`);
  }
});

test('a 4-million-character pattern builds in linear time and memory, and is found', () => {
  const long = 'ab'.repeat(2_000_000);
  const started = performance.now();
  const automaton = buildAhoCorasick([long, 'ba']);
  const ms = performance.now() - started;
  assert.equal(automaton.stateCount, long.length + 3);
  // Sparse states only past the first levels: about 27 bytes a state, no dense row each.
  assert.ok(automaton.byteSize < 40 * long.length, `${automaton.byteSize} bytes`);
  assert.ok(ms < 5000, `${ms} ms`);
  let found = 0;
  automaton.scan(`x${long.toUpperCase()}`, (id) => {
    if (id === 0) found++;
  });
  assert.equal(found, 1);
});
