// spelunk test from the command line: the built-in pack passes, summary line, JUnit file, exit status.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runTestCommand } from '../../src/cli/commands/test.ts';
import { makeContent } from '../engine/fixtures/make-content.ts';

async function run(options: Partial<Parameters<typeof runTestCommand>[0]>) {
  let out = '';
  let err = '';
  const code = await runTestCommand(
    { content: [], dataDir: [], detection: [], props: [], ...options },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

test('every test of the built-in pack passes, benign baselines included', async () => {
  const junit = path.join(mkdtempSync(path.join(tmpdir(), 'spelunk-junit-')), 'junit.xml');
  const { code, out } = await run({ junit });
  assert.equal(code, 0, out);
  assert.match(out, /\n44 passed, 0 failed, 0 skipped\n$/);
  const xml = readFileSync(junit, 'utf8');
  assert.match(
    xml,
    /<testsuites name="spelunk test" tests="44" failures="0" errors="0" skipped="0"/,
  );
  assert.equal(xml.match(/<testsuite /g)?.length, 9);
});

test('a failing test exits 1 and is printed with its reason; broken content is reported', async () => {
  const fixture = makeContent();
  const { code, out, err } = await run({ content: [fixture.content], dataDir: [fixture.dataDir] });
  assert.equal(code, 1);
  assert.match(
    out,
    /^FAIL {2}Test Tunnel CLI \/ Benign - actually a tunnel \(benign\): 1 result on benign data \(expected none\)/m,
  );
  assert.match(out, /\n2 passed, 1 failed, 1 skipped\n$/);
  assert.match(err, /error\[ESCU101\]: YAML syntax error/);
});

test('--verbose lists skipped tests with the path looked at', async () => {
  const fixture = makeContent();
  const { out } = await run({
    content: [fixture.content],
    dataDir: [fixture.dataDir],
    verbose: true,
    detection: ['Test Tunnel CLI'],
  });
  assert.match(
    out,
    /^SKIP {2}Test Tunnel CLI \/ Attack data not downloaded \(unit\): attack data not found: looked for \S+not_there\/windows-sysmon\.log$/m,
  );
  assert.match(
    out,
    /^PASS {2}Test Tunnel CLI \/ Attack data from a URL \(unit\): result 1 has every risk and threat object field \[1 result, 2 events/m,
  );
});

test('--detection X judges only X: another detection failing or broken does not fail the run', async () => {
  const fixture = makeContent();
  const { code, out, err } = await run({
    content: [fixture.content],
    dataDir: [fixture.dataDir],
    detection: ['Test Legacy Security'],
  });
  assert.equal(code, 0, `${out}${err}`);
  assert.doesNotMatch(out, /Test Tunnel CLI/);
  assert.doesNotMatch(err, /ESCU101/);
  // It has no tests of its own; the others' failure and the broken file are not counted.
  assert.match(out, /^\n?0 passed, 0 failed, 0 skipped\n$/);
});
