import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { type DumpOptions, runDump } from '../../../src/cli/dump/run-dump.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-dump-'));
after(() => rmSync(root, { recursive: true, force: true }));
const xmlFile = path.join(root, 'sysmon.log');
writeFileSync(xmlFile, `${eventXml(PROCESS_CREATE)}\n${eventXml(IMAGE_LOAD)}\n`);
const badFile = path.join(root, 'bad.jsonl');
writeFileSync(
  badFile,
  `{"EventID":1,"Channel":"Security","@timestamp":"2024-03-01T10:00:00Z"}\n{oops\n`,
);

const DEFAULTS: DumpOptions = { format: 'jsonl', raw: false, strict: false };

async function dump(paths: string[], options: Partial<DumpOptions> = {}) {
  let out = '';
  let err = '';
  const code = await runDump(
    paths,
    { ...DEFAULTS, ...options },
    {
      out: async (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    },
  );
  return { code, out, err };
}

test('jsonl: one object per event, metadata first, no _raw unless asked', async () => {
  const { code, out, err } = await dump([xmlFile]);
  assert.equal(code, 0);
  const lines = out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0] ?? {}).slice(0, 5), [
    '_time',
    'index',
    'host',
    'source',
    'sourcetype',
  ]);
  assert.equal(lines[1]?.['ImageLoaded'], IMAGE_LOAD.data.find(([n]) => n === 'ImageLoaded')?.[1]);
  assert.equal('_raw' in (lines[0] ?? {}), false);
  assert.match(err, /1 input: 2 events; 0 records skipped, 0 damaged, 0 inputs not read/);
  const raw = await dump([xmlFile], { raw: true, index: 'main' });
  const first = JSON.parse(raw.out.split('\n')[0] ?? '') as Record<string, unknown>;
  assert.equal(first['_raw'], eventXml(PROCESS_CREATE));
  assert.equal(first['index'], 'main');
});

test('xml: the XML of XML inputs; refused (exit 2) for JSON inputs', async () => {
  const { code, out } = await dump([xmlFile], { format: 'xml' });
  assert.equal(code, 0);
  assert.equal(out, `${eventXml(PROCESS_CREATE)}\n${eventXml(IMAGE_LOAD)}\n`);
  const refused = await dump([badFile], { format: 'xml' });
  assert.equal(refused.code, 2);
  assert.match(
    refused.err,
    /--format xml prints the XML of XML and EVTX inputs; .*bad\.jsonl is not one/,
  );
});

test('bad records: reported with file and line, skipped; --strict turns them into exit 1', async () => {
  const lenient = await dump([badFile]);
  assert.equal(lenient.code, 0);
  assert.equal(lenient.out.trimEnd().split('\n').length, 1);
  assert.match(lenient.err, /error\[ING201\]: invalid JSON: .*\n {2}--> .*bad\.jsonl: line 2/);
  assert.match(lenient.err, /bad\.jsonl: 1 event, 1 skipped, 0 damaged \(ING201 x1\)/);
  const strict = await dump([badFile], { strict: true });
  assert.equal(strict.code, 1);
});

test('a missing path fails (exit 1) even without --strict', async () => {
  const { code, err } = await dump([path.join(root, 'missing.json'), xmlFile]);
  assert.equal(code, 1);
  assert.match(err, /error\[ING001\]: no such file or directory/);
});

test('xml for EVTX inputs: each record in the evtxexport -f xml layout, a blank line after', async () => {
  const { evtxFile, sampleChunk } = await import('../../ingest/evtx/writer/chunk-writer.ts');
  const { SAMPLE_TEMPLATE, sampleEvent } = await import(
    '../../ingest/evtx/writer/event-template.ts'
  );
  const evtx = path.join(root, 'sample.evtx');
  writeFileSync(evtx, evtxFile([sampleChunk(1, 2, SAMPLE_TEMPLATE, sampleEvent).finish()]));
  const { code, out } = await dump([evtx], { format: 'xml' });
  assert.equal(code, 0);
  const records = out.trimEnd().split('\n\n');
  assert.equal(records.length, 2);
  for (const record of records) {
    assert.match(record, /^<Event xmlns="[^"]*">\n {2}<System>\n[\s\S]*\n<\/Event>$/);
  }
});

test('jsonl: _time as the search writers print it; fields named like Object.prototype members kept', async () => {
  const file = path.join(root, 'proto.jsonl');
  writeFileSync(
    file,
    [
      '{"@timestamp":"2025-03-19T17:05:12.0027Z","__proto__":"p","constructor":"c","toString":"x","EventID":4624}',
      '{"@timestamp":"2025-03-19T17:05:13Z","EventID":4625}',
      '',
    ].join('\n'),
  );
  const { code, out } = await dump([file]);
  assert.equal(code, 0);
  const [first, second] = out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(first?.['_time'], '2025-03-19T17:05:12.002+00:00');
  assert.equal(second?.['_time'], '2025-03-19T17:05:13.000+00:00');
  assert.equal(Object.getOwnPropertyDescriptor(first, '__proto__')?.value, 'p');
  assert.equal(first?.['constructor'], 'c');
  assert.equal(first?.['toString'], 'x');
  assert.equal(Object.hasOwn(second ?? {}, 'constructor'), false);
  assert.equal(Object.hasOwn(second ?? {}, '__proto__'), false);
});

test('provenance: every event names its file and the line its record starts on', async () => {
  const { out } = await dump([xmlFile]);
  const events = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    events.map((e) => [e._file, e._line, e.EventRecordID]),
    [
      [xmlFile, 1, '1'],
      [xmlFile, 2, '2'],
    ],
  );
});
