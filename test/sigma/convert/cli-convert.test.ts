// `spelunk convert --to spl`: output, diagnostics and exit codes (runConvert with captured io).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type ConvertOptions, runConvert } from '../../../src/cli/commands/convert.ts';

function run(files: Record<string, string>, options: Partial<ConvertOptions> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-convert-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  let out = '';
  let err = '';
  const code = runConvert(
    [dir],
    {
      to: 'spl',
      pipeline: 'spelunk',
      warnings: true,
      ...options,
      ...(options.placeholders ? { placeholders: path.join(dir, options.placeholders) } : {}),
    },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

const RULE = `title: Whoami\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|contains: whoami\n  condition: sel\n`;

test('prints every query, blank-line separated, exit 0', () => {
  const { code, out, err } = run({ 'a.yml': RULE });
  assert.equal(code, 0);
  assert.equal(err, '');
  assert.equal(
    out,
    'Channel="Microsoft-Windows-Sysmon/Operational" EventID=1 CommandLine="*whoami*"\n\nChannel="Security" EventID=4688 CommandLine="*whoami*"\n',
  );
});

test('--pipeline none prints the logic alone', () => {
  assert.equal(run({ 'a.yml': RULE }, { pipeline: 'none' }).out, 'CommandLine="*whoami*"\n');
});

test('a rule that cannot load is reported with its caret; the others still convert; exit 1', () => {
  const { code, out, err } = run({ 'a.yml': RULE, 'b.yml': RULE.replace('contains', 'containz') });
  assert.equal(code, 1);
  assert.match(err, /error\[SIGMA021\]: unknown modifier "containz"\n\s+--> .*b\.yml:5:5/);
  assert.match(out, /whoami/);
});

test('placeholders come from --placeholders', () => {
  const rule = RULE.replace(
    'CommandLine|contains: whoami',
    "CommandLine|contains|expand: '%tool%'",
  );
  assert.equal(run({ 'a.yml': rule }, { pipeline: 'none' }).code, 1);
  const { code, out } = run(
    { 'a.yml': rule, 'p.txt': 'tool: [psexec, paexec]\n' },
    { pipeline: 'none', placeholders: 'p.txt' },
  );
  assert.equal(code, 0);
  assert.equal(out, 'CommandLine="*psexec*" OR CommandLine="*paexec*"\n');
});
