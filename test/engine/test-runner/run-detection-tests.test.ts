// spelunk test end to end over a small content directory: URL data mirrored under a data
// directory, missing data skipped with the path looked at, benign tests, broken YAML reported.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkspace } from '../../../src/engine/index.ts';
import { runDetectionTests } from '../../../src/engine/test-runner/run-detection-tests.ts';
import { makeContent } from '../fixtures/make-content.ts';

const fixture = makeContent();
const workspace = openWorkspace({ content: [fixture.content] });
const pack = workspace.content;

test('the loader reports the broken YAML file with its location, and loads the others', () => {
  const errors = pack.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => [d.code, path.basename(d.source?.name ?? '')]),
    [['ESCU101', 'broken.yml']],
  );
  assert.ok(errors[0]?.span, 'the syntax error has a span');
  assert.deepEqual(pack.detections.map((d) => d.name).sort(), [
    'Test Legacy Security',
    'Test Tunnel CLI',
  ]);
});

test('each test is replayed and judged as contentctl judges it', async () => {
  const report = await runDetectionTests(workspace, { dataDirs: [fixture.dataDir] });
  const byName = new Map(report.results.map((r) => [r.test, r]));
  const url = byName.get('Attack data from a URL');
  assert.equal(url?.status, 'passed', url?.message);
  assert.equal(url?.results, 1);
  assert.equal(url?.events, 2);
  assert.deepEqual(url?.data, [fixture.sysmon]);

  const missing = byName.get('Attack data not downloaded');
  assert.equal(missing?.status, 'skipped');
  const expectedPath = path.join(
    fixture.dataDir,
    'media/splunk/attack_data/master/datasets/attack_techniques/T1219/not_there/windows-sysmon.log',
  );
  assert.equal(missing?.message, `attack data not found: looked for ${expectedPath}`);

  assert.equal(byName.get('Benign - ordinary shell')?.status, 'passed');
  const noisy = byName.get('Benign - actually a tunnel');
  assert.equal(noisy?.status, 'failed');
  assert.equal(noisy?.message, '1 result on benign data (expected none)');

  assert.deepEqual([report.passed, report.failed, report.skipped], [2, 1, 1]);
});

test('without a data directory, URL data is skipped and says how to provide it', async () => {
  const report = await runDetectionTests(
    openWorkspace({ content: [fixture.content], select: ['Test Tunnel CLI'] }),
    { dataDirs: [] },
  );
  const url = report.results.find((r) => r.test === 'Attack data from a URL');
  assert.equal(url?.status, 'skipped');
  assert.match(
    url?.message ?? '',
    /give --data-dir DIR with the file at DIR\/media\/splunk\/attack_data\/master\/datasets\//,
  );
});

test('the test data replaces source and sourcetype: a mismatching test source finds nothing', async () => {
  const detection = pack.detections.find((d) => d.name === 'Test Tunnel CLI');
  assert.ok(detection);
  const wrongSource = {
    ...workspace,
    selected: [
      {
        ...detection,
        tests: [
          {
            ...(detection.tests[0] as (typeof detection.tests)[number]),
            attackData: (detection.tests[0]?.attackData ?? []).map((a) => ({
              ...a,
              source: 'XmlWinEventLog:Security',
            })),
          },
        ],
      },
    ],
  };
  const report = await runDetectionTests(wrongSource, { dataDirs: [fixture.dataDir] });
  assert.equal(report.results[0]?.status, 'failed');
  assert.equal(report.results[0]?.message, 'the search returned no results');
});
