// The regex-safety verdict cache: verdicts analysed here are written, remembered ones are answered
// as they are (no analysis), a file of other code is replaced without a word, and a damaged or
// foreign one is ignored with HUNT030; a folder that cannot be written gives HUNT031.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { backtrackingCost } from '../../../src/core/index.ts';
import {
  keepRegexVerdicts,
  REGEX_VERDICTS_FILE,
  rememberRegexVerdicts,
} from '../../../src/engine/workspace/regex-verdicts.ts';
import { codeFingerprint, writeCacheFile } from '../../../src/sigma/index.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'regex-verdicts-'));
let fresh = 0;
/** A pattern no other test of this process has analysed. */
const unique = () => `(a+)+b-verdict-${process.pid}-${fresh++}`;

test('verdicts analysed by the process are written; none added, nothing written', () => {
  const dir = folder();
  assert.deepEqual(rememberRegexVerdicts(dir), []);
  assert.deepEqual(keepRegexVerdicts(dir), []);
  assert.throws(() => readFileSync(path.join(dir, REGEX_VERDICTS_FILE)), /ENOENT/);
  const pattern = unique();
  assert.equal(backtrackingCost(pattern, '').cost.kind, 'unproven');
  assert.deepEqual(keepRegexVerdicts(dir), []);
  assert.ok(readFileSync(path.join(dir, REGEX_VERDICTS_FILE), 'utf8').includes(`/${pattern}`));
});

test('a remembered verdict is answered as cached, without analysing the pattern again', () => {
  const dir = folder();
  const pattern = unique();
  const planted = { cost: { kind: 'linear', routes: 7, positions: 9 }, needsBacktracking: false };
  writeCacheFile(path.join(dir, REGEX_VERDICTS_FILE), codeFingerprint(), [
    [`/${pattern}`, planted],
  ]);
  assert.deepEqual(rememberRegexVerdicts(dir), []);
  // Analysed, this pattern is unproven: the answer is the file's.
  assert.deepEqual(backtrackingCost(pattern, ''), planted);
  // Remembered verdicts are not new: nothing to write.
  const before = readFileSync(path.join(dir, REGEX_VERDICTS_FILE));
  assert.deepEqual(keepRegexVerdicts(dir), []);
  assert.deepEqual(readFileSync(path.join(dir, REGEX_VERDICTS_FILE)), before);
});

test('verdicts of other code are not used, and replaced without a warning', () => {
  const dir = folder();
  const pattern = unique();
  const planted = { cost: { kind: 'linear', routes: 1, positions: 1 }, needsBacktracking: false };
  writeCacheFile(path.join(dir, REGEX_VERDICTS_FILE), 'another build', [[`/${pattern}`, planted]]);
  assert.deepEqual(rememberRegexVerdicts(dir), []);
  assert.equal(backtrackingCost(pattern, '').cost.kind, 'unproven');
  assert.deepEqual(keepRegexVerdicts(dir), []);
  assert.ok(readFileSync(path.join(dir, REGEX_VERDICTS_FILE), 'utf8').includes(codeFingerprint()));
});

test('a damaged file, or one whose content is no verdict list, is ignored with HUNT030', () => {
  const dir = folder();
  const file = path.join(dir, REGEX_VERDICTS_FILE);
  writeFileSync(file, 'not a cache\n{}');
  const damaged = rememberRegexVerdicts(dir);
  assert.deepEqual(
    damaged.map((d) => [d.code, d.severity]),
    [['HUNT030', 'warning']],
  );
  assert.match(
    damaged[0]?.message ?? '',
    /was ignored: the header is not JSON; the regexes are analysed again$/,
  );
  const pattern = unique();
  for (const payload of [
    { not: 'a list' },
    [
      [
        `/${pattern}`,
        { cost: { kind: 'linear', routes: 0, positions: 1 }, needsBacktracking: false },
      ],
    ],
    [[`/${pattern}`, { cost: { kind: 'safe' }, needsBacktracking: false }]],
    [[`/${pattern}`, { cost: { kind: 'unproven' }, needsBacktracking: true }]],
  ]) {
    writeCacheFile(file, codeFingerprint(), payload);
    assert.deepEqual(
      rememberRegexVerdicts(dir).map((d) => d.code),
      ['HUNT030'],
      JSON.stringify(payload),
    );
  }
  assert.equal(backtrackingCost(pattern, '').cost.kind, 'unproven');
});

test('a cache folder that cannot be written gives HUNT031', () => {
  const dir = folder();
  const blocker = path.join(dir, 'a-file');
  writeFileSync(blocker, '');
  backtrackingCost(unique(), '');
  assert.deepEqual(
    keepRegexVerdicts(blocker).map((d) => d.code),
    ['HUNT031'],
  );
});
