// The automaton against a naive search: every occurrence of every pattern, case-folded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

function scanned(patterns: readonly string[], text: string): string[] {
  const out: string[] = [];
  buildAhoCorasick(patterns).scan(text, (id, end) => out.push(`${id}@${end}`));
  return out.sort();
}

test('overlapping and nested patterns', () => {
  const patterns = ['he', 'she', 'his', 'hers', 'e'];
  assert.deepEqual(scanned(patterns, 'USHERS ahishers'), naive(patterns, 'USHERS ahishers'));
});

test('non-ASCII patterns and text (sparse transitions) and case folding', () => {
  const patterns = ['–enc', 'ünïcode', 'x–y', '\u0441md'];
  const text = 'A –ENC B ÜNÏCODE x–y \u0421MD –en';
  assert.deepEqual(scanned(patterns, text), naive(patterns, text));
});

test('random patterns over a small alphabet agree with the naive search', () => {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = 'abcAB\\.-–é';
  const word = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  for (let round = 0; round < 30; round++) {
    const patterns = [
      ...new Set(Array.from({ length: 40 }, () => foldCase(word(1 + Math.floor(next() * 5))))),
    ];
    const text = word(200);
    assert.deepEqual(scanned(patterns, text), naive(patterns, text), `round ${round}`);
  }
});
