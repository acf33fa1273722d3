// contentctl's unit-test rule (escu-corpus notes §9) and spelunk's benign rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Detection } from '../../../src/detection/index.ts';
import { benignJudge, unitJudge } from '../../../src/engine/test-runner/test-verdict.ts';

const detection = {
  riskEntities: [
    { field: 'dest', type: 'system', score: 10, message: '' },
    { field: 'user', type: 'user', score: 10, message: '' },
  ],
  threatObjects: [{ field: 'process', type: 'process' }],
} as unknown as Detection;

const CASES: readonly {
  readonly name: string;
  readonly rows: readonly Record<string, string>[];
  readonly passed: boolean;
  readonly reason: RegExp;
}[] = [
  { name: 'no results fails', rows: [], passed: false, reason: /no results/ },
  {
    name: 'a complete first row passes',
    rows: [{ dest: 'h', user: 'u', process: 'p' }],
    passed: true,
    reason: /result 1 has every/,
  },
  {
    name: 'a null risk object fails at once, even if a later row is complete',
    rows: [
      { dest: 'h', user: 'null', process: 'p' },
      { dest: 'h', user: 'u', process: 'p' },
    ],
    passed: false,
    reason: /"user" is null in result 1/,
  },
  {
    name: 'an absent risk object fails',
    rows: [{ dest: 'h', process: 'p' }],
    passed: false,
    reason: /"user" is null/,
  },
  {
    name: 'a later null risk object after a complete row still passes (decided at the first complete row)',
    rows: [{ dest: 'h', user: 'u', process: 'p' }, { dest: 'h' }],
    passed: true,
    reason: /result 1/,
  },
  {
    name: 'no complete row and a threat object null in every row fails',
    rows: [
      { dest: 'h', user: 'u' },
      { dest: 'h', user: 'u', process: 'null' },
    ],
    passed: false,
    reason: /threat object field "process" null in every result/,
  },
  {
    name: 'threat object populated only in a row missing nothing else',
    rows: [
      { dest: 'h', user: 'u' },
      { dest: 'h2', user: 'u2', process: 'p' },
    ],
    passed: true,
    reason: /result 2 has every/,
  },
];

for (const { name, rows, passed, reason } of CASES) {
  test(`unit rule: ${name}`, () => {
    const judge = unitJudge(detection);
    for (const row of rows) judge.add(row);
    const verdict = judge.verdict();
    assert.equal(verdict.passed, passed, verdict.reason);
    assert.match(verdict.reason, reason);
    assert.equal(verdict.results, rows.length);
  });
}

test('a detection without risk or threat objects passes on any result', () => {
  const judge = unitJudge({ riskEntities: [], threatObjects: [] } as unknown as Detection);
  judge.add({ anything: 'x' });
  assert.equal(judge.verdict().passed, true);
});

test('benign tests pass only with no results', () => {
  const quiet = benignJudge();
  assert.equal(quiet.verdict().passed, true);
  const noisy = benignJudge();
  noisy.add({});
  noisy.add({});
  assert.deepEqual(noisy.verdict(), {
    passed: false,
    reason: '2 results on benign data (expected none)',
    results: 2,
  });
});
