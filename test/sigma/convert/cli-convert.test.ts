// `spelunk convert -t splunk`: sigma-cli's spelling, labels, savedsearches.conf, diagnostics and
// exit codes (runConvert with captured io).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type ConvertOptions, runConvert } from '../../../src/cli/commands/convert.ts';

/** Writes the files to a new folder and converts `targets` (default: the folder). */
type Given = { [K in keyof ConvertOptions]?: ConvertOptions[K] | undefined };

function run(files: Record<string, string>, given: Given = {}, targets?: readonly string[]) {
  const options = Object.fromEntries(
    Object.entries({ target: 'splunk', ...given }).filter(([, v]) => v !== undefined),
  ) as Partial<ConvertOptions>;
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-convert-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  let out = '';
  let err = '';
  const code = runConvert(
    (targets ?? ['.']).map((t) => path.join(dir, t)),
    {
      pipeline: [],
      format: 'default',
      warnings: true,
      ...options,
      ...(options.placeholders ? { placeholders: path.join(dir, options.placeholders) } : {}),
      ...(options.output ? { output: path.join(dir, options.output) } : {}),
    },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err, dir };
}

const RULE = `title: Whoami\nid: 0f0e0d0c-0000-4000-8000-000000000001\ndescription: |\n  Runs whoami.\n  Twice.\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|contains: whoami\n  condition: sel\n`;
const QUERIES =
  'Channel="Microsoft-Windows-Sysmon/Operational" EventID=1 CommandLine="*whoami*"\n\nChannel="Security" EventID=4688 CommandLine="*whoami*"\n';

test('one rule file: every query, blank-line separated, exit 0', () => {
  const { code, out, err } = run({ 'a.yml': RULE }, {}, ['a.yml']);
  assert.equal(code, 0);
  assert.equal(err, '');
  assert.equal(out, QUERIES);
});

test('-p sysmon, -p windows, -p splunk_windows and --to spl are spelled as sigma-cli users type them', () => {
  for (const options of [
    { pipeline: ['sysmon'] },
    { pipeline: ['windows'] },
    { pipeline: ['sysmon', 'windows'] },
    { pipeline: ['splunk_windows'] },
    { target: undefined, to: 'spl' as const },
  ]) {
    assert.equal(run({ 'a.yml': RULE }, options, ['a.yml']).out, QUERIES, JSON.stringify(options));
  }
});

test('a folder: each query labelled with its rule title, id and file in an SPL comment', () => {
  const { code, out, dir } = run({ 'a.yml': RULE, 'b.yml': RULE.replace('Whoami', 'Who `am` I') });
  assert.equal(code, 0);
  const file = path.join(dir, 'a.yml');
  assert.equal(
    out.split('\n\n')[0],
    `\`\`\`title: Whoami | id: 0f0e0d0c-0000-4000-8000-000000000001 | file: ${file}\`\`\`\nChannel="Microsoft-Windows-Sysmon/Operational" EventID=1 CommandLine="*whoami*"`,
  );
  assert.equal(out.match(/^```title: /gm)?.length, 4, 'two queries per rule');
  assert.match(out, /```title: Who 'am' I \|/, 'a backtick cannot end the comment');
});

test('--pipeline none (or --without-pipeline) prints the logic alone; combined with a pipeline, a usage error', () => {
  assert.equal(
    run({ 'a.yml': RULE }, { pipeline: ['none'] }, ['a.yml']).out,
    'CommandLine="*whoami*"\n',
  );
  assert.equal(
    run({ 'a.yml': RULE }, { withoutPipeline: true }, ['a.yml']).out,
    'CommandLine="*whoami*"\n',
  );
  const both = run({ 'a.yml': RULE }, { pipeline: ['sysmon', 'none'] }, ['a.yml']);
  assert.equal(both.code, 2);
  assert.match(both.err, /cannot be combined/);
  const unknown = run({ 'a.yml': RULE }, { pipeline: ['ecs_windows'] }, ['a.yml']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^error: unknown pipeline "ecs_windows": sysmon, windows/);
});

test('no target is a usage error; a missing rule path fails with its name', () => {
  const none = run({ 'a.yml': RULE }, { target: undefined }, ['a.yml']);
  assert.equal(none.code, 2);
  assert.match(none.err, /required option '-t, --target <target>'/);
  const missing = run({ 'a.yml': RULE }, {}, ['nope.yml']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /^error: rule \S+nope\.yml: no such file or directory\n$/);
});

test('-f savedsearches writes a savedsearches.conf: [default] dispatch window, one stanza per query, multi-line values continued', () => {
  const twin = RULE.replace(
    '0f0e0d0c-0000-4000-8000-000000000001',
    '0f0e0d0c-0000-4000-8000-000000000002',
  );
  const { code, dir } = run(
    { 'a.yml': RULE, 'b.yml': twin.replace('title: Whoami', "title: '[Whoami]'") },
    { format: 'savedsearches', output: 'savedsearches.conf' },
  );
  assert.equal(code, 0);
  const conf = readFileSync(path.join(dir, 'savedsearches.conf'), 'utf8');
  assert.equal(
    conf.split('\n\n')[0],
    '[default]\ndispatch.earliest_time = -30d\ndispatch.latest_time = now',
  );
  // Stanza names are unique (Splunk merges stanzas of one name) and hold no brackets.
  assert.deepEqual(conf.match(/^\[.*\]$/gm), [
    '[default]',
    '[Whoami]',
    '[Whoami (2)]',
    '[Whoami (3)]',
    '[Whoami (4)]',
  ]);
  assert.match(
    conf,
    /\n\[Whoami\]\ndescription = Runs whoami\. \\\nTwice\.\nsearch = Channel="Microsoft-Windows-Sysmon\/Operational" EventID=1 CommandLine="\*whoami\*"\n/,
  );
  // Every line is a stanza, a key = value, a continuation of the line before, or blank.
  const lines = conf.split('\n');
  lines.forEach((line, i) => {
    const continued = i > 0 && (lines[i - 1] ?? '').endsWith(' \\');
    assert.ok(
      continued || line === '' || /^\[[^\]]+\]$/.test(line) || /^[\w.]+ = /.test(line),
      line,
    );
  });
});

test('a rule that cannot load is reported with its caret; the others still convert; exit 1', () => {
  const { code, out, err } = run({ 'a.yml': RULE, 'b.yml': RULE.replace('contains', 'containz') });
  assert.equal(code, 1);
  assert.match(err, /error\[SIGMA021\]: unknown modifier "containz"\n\s+--> .*b\.yml:9:5/);
  assert.match(out, /whoami/);
});

test('placeholders come from --placeholders', () => {
  const rule = RULE.replace(
    'CommandLine|contains: whoami',
    "CommandLine|contains|expand: '%tool%'",
  );
  assert.equal(run({ 'a.yml': rule }, { pipeline: ['none'] }, ['a.yml']).code, 1);
  const { code, out } = run(
    { 'a.yml': rule, 'p.txt': 'tool: [psexec, paexec]\n' },
    { pipeline: ['none'], placeholders: 'p.txt' },
    ['a.yml'],
  );
  assert.equal(code, 0);
  assert.equal(out, 'CommandLine="*psexec*" OR CommandLine="*paexec*"\n');
});
