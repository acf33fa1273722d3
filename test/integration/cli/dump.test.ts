// `spelunk dump` as a process: usage errors exit 2, stdin with -, the knowledge fields and
// --raw-fields.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { eventXml, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';
import { REPO, runCli } from '../dist.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-dump-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));
const xmlFile = path.join(root, 'sysmon.log');
writeFileSync(xmlFile, `${eventXml(PROCESS_CREATE)}\n`);
const events = path.join(REPO, 'test', 'knowledge', 'fixtures', 'sysmon-7-devtunnel.log');
const props = path.join(root, 'props.yml');
writeFileSync(
  props,
  'props:\n  XmlWinEventLog:\n    EVAL-tunnel: if(like(ImageLoaded, "%devtunnel%"), "yes", "no")\n',
);

test('usage errors exit 2; - reads stdin', async () => {
  const usage = await runCli(['dump', '--format', 'yaml', xmlFile]);
  assert.equal(usage.status, 2);
  const piped = await runCli(['dump', '-', '--input-format', 'xml'], {
    stdin: eventXml(PROCESS_CREATE),
  });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(JSON.parse(piped.stdout)['EventID'], '1');
});

test('prints the knowledge fields; --raw-fields prints the fields as read', async () => {
  const enriched = await runCli(['dump', events]);
  assert.equal(enriched.status, 0, enriched.stderr);
  const first = JSON.parse(enriched.stdout.split('\n')[0] ?? '{}') as Record<string, unknown>;
  assert.equal(first['loaded_file'], 'devtunnel.dll');
  assert.equal(first['vendor_product'], 'Microsoft Sysmon');
  const raw = await runCli(['dump', '--raw-fields', events]);
  assert.equal(raw.status, 0, raw.stderr);
  const plain = JSON.parse(raw.stdout.split('\n')[0] ?? '{}') as Record<string, unknown>;
  assert.equal(plain['loaded_file'], undefined);
  assert.equal(plain['ImageLoaded'], first['ImageLoaded']);
});

test('--raw-fields with --props is a usage error', async () => {
  const both = await runCli(['dump', '--raw-fields', '--props', props, events]);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--raw-fields/);
});
