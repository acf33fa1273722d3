// YAML 1.1 plain scalars resolve as PyYAML (SigmaHQ's parser) resolves them, not as YAML 1.2.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolvePlainScalar } from '../../../src/sigma/yaml/pyyaml-scalar.ts';

const CASES: readonly [string, unknown][] = [
  // The SigmaHQ trap: invalid octal stays text (YAML 1.2 reads 429).
  ['00000429', '00000429'],
  ['0429', '0429'],
  ['017', 15],
  ['0x1F', 31],
  ['0b101', 5],
  ['1_000', 1000],
  ['1:20', 80],
  ['-42', -42],
  ['0', 0],
  ['1.5', 1.5],
  ['.5', 0.5],
  ['1e3', '1e3'],
  ['1.0e+3', 1000],
  ['.inf', Number.POSITIVE_INFINITY],
  ['yes', true],
  ['On', true],
  ['off', false],
  ['y', 'y'],
  ['n', 'n'],
  ['TRUE', true],
  ['~', null],
  ['null', null],
  ['', null],
  ['nullable', 'nullable'],
  ['2024-01-02', { timestamp: '2024-01-02' }],
  ['2024-1-2', '2024-1-2'],
  ['4688', 4688],
  ['C:\\Windows', 'C:\\Windows'],
];

for (const [text, expected] of CASES) {
  test(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(resolvePlainScalar(text), expected);
  });
}
