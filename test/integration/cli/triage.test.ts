// `hunt`, `timeline` and `convert` as processes: each mistake a responder makes on day one ends
// with exit 1 (2 for a bad option value) and one clear message, never a stack trace; a timeline
// of the bundled sample is written in time order with its summary.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { REPO, runCli } from '../dist.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-triage-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const DATA = path.join(REPO, 'content', 'data');
const zip = path.join(dir, 'logs.zip');
writeFileSync(zip, Buffer.from('PK\x03\x04 the rest of a zip archive', 'latin1'));
const rules = path.join(dir, 'rules');
mkdirSync(rules);
writeFileSync(
  path.join(rules, 'broken.yml'),
  'title: Broken\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|containz: x\n  condition: sel\n',
);

const STACK = /\n\s+at [\w.<]/;

test('mistakes end with exit 1 and a message, never a stack trace', {
  timeout: 120_000,
}, async () => {
  const cases: [readonly string[], number, RegExp][] = [
    [
      ['hunt', '--keep-going', path.join(dir, 'lgos')],
      1,
      /^error: input \S+lgos: no such file or directory$/m,
    ],
    [
      ['timeline', '--sigma', path.join(dir, 'rulez'), DATA],
      1,
      /^error: --sigma \S+rulez: no such file/m,
    ],
    [['hunt', '--no-progress', zip], 1, /zip archive[\s\S]*^error: 1 input not read/m],
    [
      ['timeline', '--no-progress', '--input-format', 'evtx', DATA],
      1,
      /--input-format evtx, but this is Windows event XML[\s\S]*^error: \d+ inputs not read/m,
    ],
    [['hunt', '--no-progress', '--sigma', rules, DATA], 1, /SIGMA021[\s\S]*give --keep-going/],
    [['timeline', '--min-level', 'severe', DATA], 2, /severe/],
    [
      ['convert', '-t', 'splunk', path.join(dir, 'nope.yml')],
      1,
      /^error: rule \S+nope\.yml: no such file or directory$/m,
    ],
  ];
  for (const [args, status, message] of cases) {
    const result = await runCli(args);
    assert.equal(result.status, status, `${args.join(' ')}\n${result.stderr}`);
    assert.match(result.stderr, message, args.join(' '));
    assert.doesNotMatch(result.stderr, STACK, args.join(' '));
  }
});

test('timeline -o writes the rows in time order and prints the summary', {
  timeout: 120_000,
}, async () => {
  const out = path.join(dir, 'timeline.csv');
  const result = await runCli(['timeline', '--no-progress', '-o', out, DATA]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /== Summary by level: 49 findings/);
  assert.match(
    result.stdout,
    /^spelunk: 9 detections fired, 49 findings \(2 high, 1 medium, 20 low, 26 informational\), \d+ risk incidents; 49 timeline rows written to /m,
  );
  const lines = readFileSync(out, 'utf8').trim().split('\r\n');
  assert.equal(lines.length, 50);
  const times = lines.slice(1).map((l) => l.slice(0, 23));
  assert.deepEqual(times, [...times].sort());
});
