// Sigma string escaping as pySigma parses it (spec "Escape Character").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANY, ONE, parseSigmaString } from '../../../src/sigma/model/sigma-string.ts';

const CASES: readonly [string, unknown[]][] = [
  ['C:\\Windows\\', ['C:\\Windows\\']],
  ['\\\\', ['\\']],
  ['\\\\\\\\', ['\\\\']],
  ['\\\\.\\pipe\\', ['\\.\\pipe\\']],
  ['\\\\\\\\127.0.0', ['\\\\127.0.0']],
  ['\\*', ['*']],
  ['\\?', ['?']],
  ['\\\\*', ['\\', ANY]],
  ['\\\\\\*', ['\\*']],
  ['\\*.lnk', ['*.lnk']],
  ['\\\\\\\\*\\\\*$', ['\\\\', ANY, '\\', ANY, '$']],
  ['\\\\WindowsPowerShell\\\\Modules\\\\*\\.ps', ['\\WindowsPowerShell\\Modules\\', ANY, '\\.ps']],
  ['a?b*', ['a', ONE, 'b', ANY]],
  ['trailing\\', ['trailing\\']],
];

for (const [text, expected] of CASES) {
  test(`${JSON.stringify(text)}`, () => assert.deepEqual(parseSigmaString(text), expected));
}
