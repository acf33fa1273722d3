// `spelunk validate`: every problem on stderr, the summary on stdout, exit 1 on any error.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runValidate, type ValidateOptions } from '../../../src/cli/commands/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'detection');
const DEFAULTS: ValidateOptions = { listDisabled: false, warnings: true };

function run(dirs: readonly string[], options: Partial<ValidateOptions> = {}) {
  let out = '';
  let err = '';
  const code = runValidate(
    dirs,
    { ...DEFAULTS, ...options },
    {
      out: (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    },
  );
  return { code, out, err };
}

test('the bundled pack validates: exit 0, nine detections enabled', () => {
  const { code, out, err } = run([path.join(ROOT, 'content')]);
  assert.equal(code, 0);
  assert.match(
    out,
    /^detections: 9 loaded \(3 TTP, 5 Anomaly, 1 Hunting\), 9 enabled, 0 disabled$/m,
  );
  assert.match(out, /^problems: 0 errors, 1 warning \(ESCU124 ×1\)$/m);
  assert.match(err, /warning\[ESCU124\]/);
});

test('broken content: exit 1, each error rendered with its file, line and caret', () => {
  const { code, out, err } = run([path.join(FIXTURES, 'broken')], { listDisabled: true });
  assert.equal(code, 1);
  assert.match(
    err,
    /error\[SPL101\]: unknown command "evall"\n\s+--> .*bad_search\.yml:11:5\n\s+\|\n11 \| {3}\| evall x=1\n\s+\| {5}\^\^\^\^\^/,
  );
  assert.match(out, /^problems: 9 errors, 2 warnings/m);
  assert.match(out, /^ {6}1 {2}unsupported command "mstats"\n {9}- Mstats Search$/m);
});

test('--no-warnings hides warnings but keeps counting them', () => {
  const { err, out } = run([path.join(FIXTURES, 'broken')], { warnings: false });
  assert.doesNotMatch(err, /^warning\[/m);
  assert.match(out, /2 warnings/);
});

test('an unreadable --attack catalogue is a usage error', () => {
  const { code, err } = run([path.join(ROOT, 'content')], {
    attack: path.join(FIXTURES, 'nope.json'),
  });
  assert.equal(code, 2);
  assert.match(err, /error\[ESCU100\]/);
});
