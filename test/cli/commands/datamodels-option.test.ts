// --datamodels on validate and hunt: a user's mapping puts their own source into a CIM data model a
// tstats detection reads; a broken mapping is reported with its location and fails the command.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type HuntCommandOptions, runHuntCommand } from '../../../src/cli/commands/hunt.ts';
import { runValidate } from '../../../src/cli/commands/validate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-datamodels-cli-'));
const content = path.join(dir, 'content');
mkdirSync(path.join(content, 'detections'), { recursive: true });
writeFileSync(
  path.join(content, 'detections', 'edr_devtunnel.yml'),
  [
    'name: EDR Devtunnel Process',
    'id: 4d0c6a51-3f1e-4a57-9a57-6a1e2f1b9c01',
    'version: 1',
    "date: '2026-01-01'",
    'author: spelunk tests',
    'status: production',
    'type: TTP',
    'description: devtunnel.exe started, seen through a user-mapped EDR source.',
    "search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=devtunnel.exe by Processes.dest Processes.process | `drop_dm_object_name(Processes)` | `edr_devtunnel_process_filter`'",
    'how_to_implement: n/a',
    'known_false_positives: n/a',
    'tags:',
    '  analytic_story:',
    '    - Tests',
    '',
  ].join('\n'),
);
mkdirSync(path.join(content, 'macros'));
writeFileSync(
  path.join(content, 'macros', 'drop_dm_object_name.yml'),
  [
    'definition: rename $object$.* AS *',
    'arguments:',
    '  - object',
    'description: strips the data-model object prefix',
    'name: drop_dm_object_name',
    '',
  ].join('\n'),
);
const mapping = path.join(dir, 'edr.yml');
writeFileSync(
  mapping,
  [
    'eventtypes:',
    '  my-edr-process-start:',
    '    search: sourcetype=my:edr event_type=process_start',
    '    tags: [process, report]',
    '    fields:',
    '      process_name: image',
    '      process: cmd',
    '      dest: device',
    '',
  ].join('\n'),
);
const broken = path.join(dir, 'broken.yml');
writeFileSync(
  broken,
  'eventtypes:\n  bad:\n    search: sourcetype=x | stats count\n    tags: [process]\n',
);
const events = path.join(dir, 'edr.jsonl');
writeFileSync(
  events,
  `${JSON.stringify({ _time: 1_767_225_600, sourcetype: 'my:edr', event_type: 'process_start', image: 'devtunnel.exe', cmd: 'devtunnel.exe host -a', device: 'ws-9' })}\n`,
);

function validate(datamodels: readonly string[]) {
  let out = '';
  let err = '';
  const code = runValidate(
    [content],
    { listDisabled: false, warnings: true, datamodels },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

test('validate compiles tstats detections with the data models; a broken mapping fails with its location', () => {
  const ok = validate([mapping]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /1 enabled, 0 disabled/);
  const bad = validate([broken]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /broken\.yml:3:/);
});

const HUNT: HuntCommandOptions = {
  content: [content],
  sigma: [],
  detection: [],
  format: 'jsonl',
  failOnFindings: true,
  strict: false,
  progress: false,
};

async function hunt(datamodels: readonly string[]) {
  let out = '';
  let err = '';
  const code = await runHuntCommand(
    [events],
    { ...HUNT, datamodels },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

test("hunt --datamodels: the user's source reaches Endpoint.Processes and the tstats detection fires", async () => {
  const found = await hunt([mapping]);
  assert.equal(found.code, 1, found.err);
  assert.match(found.out, /"process":"devtunnel\.exe host -a"/);
  assert.match(found.out, /"dest":"ws-9"/);
  const without = await hunt([]);
  assert.equal(without.code, 0, without.err);
  assert.doesNotMatch(without.out, /devtunnel\.exe host -a/);
});
