// The shared input options: --recover and --threads parsed, checked, and carried to the EVTX
// reader through openInputs (the worker threads: test/integration/ingest/evtx-workers.test.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { runSearch } from '../../../src/cli/commands/search.ts';
import { evtxReadOptions, inputOptions } from '../../../src/cli/commands/shared-options.ts';
import { runDump } from '../../../src/cli/dump/run-dump.ts';
import { evtxFile, sampleChunk } from '../../ingest/evtx/writer/chunk-writer.ts';
import { SAMPLE_TEMPLATE, sampleEvent } from '../../ingest/evtx/writer/event-template.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-evtx-cli-'));
// Chunk 0 has a damaged signature: its two records are read only with --recover.
const damaged = sampleChunk(1, 2, SAMPLE_TEMPLATE, sampleEvent).finish();
damaged.fill(0, 0, 8);
const file = path.join(dir, 'damaged.evtx');
writeFileSync(
  file,
  evtxFile([
    damaged,
    ...[3, 43, 83].map((n) => sampleChunk(n, 40, SAMPLE_TEMPLATE, sampleEvent).finish()),
  ]),
);

function parse(args: string[]): Record<string, unknown> {
  const command = new Command('x').exitOverride().configureOutput({ writeErr: () => {} });
  for (const option of inputOptions()) command.addOption(option);
  command.parse(args, { from: 'user' });
  return command.opts();
}

test('--threads takes a whole number from 1 to 64; 1 decodes on the main thread', () => {
  assert.deepEqual(evtxReadOptions(parse([])), {});
  assert.deepEqual(evtxReadOptions(parse(['--threads', '1'])), { workers: 0 });
  assert.deepEqual(evtxReadOptions(parse(['--threads', '3', '--recover'])), {
    recover: true,
    workers: 3,
  });
  for (const bad of ['0', '65', '1.5', '-2', 'two', '']) {
    assert.throws(
      () => parse(['--threads', bad]),
      (e: unknown) => e instanceof CommanderError && /a whole number from 1 to 64/.test(e.message),
      bad,
    );
  }
});

async function dumpLines(options: { recover?: boolean; threads?: number }) {
  let out = '';
  let err = '';
  const code = await runDump(
    [file],
    { format: 'jsonl', raw: false, strict: false, ...options },
    {
      out: async (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    },
  );
  return {
    code,
    events: out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    err,
  };
}

test('dump --recover reads the records of a damaged chunk, and says so', async () => {
  const plain = await dumpLines({});
  assert.equal(plain.events.length, 120);
  assert.match(plain.err, /EVTX201/);
  assert.doesNotMatch(plain.err, /EVTX401/);
  const recovered = await dumpLines({ recover: true });
  assert.equal(recovered.events.length, 122);
  assert.deepEqual(
    recovered.events.slice(0, 2).map((e) => e['EventRecordID']),
    ['1', '2'],
  );
  assert.match(recovered.err, /EVTX401/);
});

test('search --recover counts the records of the damaged chunk', async () => {
  const run = async (options: { recover?: boolean; threads?: number }) => {
    let out = '';
    const code = await runSearch(
      'index=* | stats count by EventCode',
      [file],
      { format: 'json', macros: [], lookups: [], strict: false, ...options },
      { out: (t) => (out += t), err: () => {} },
    );
    assert.equal(code, 0);
    return out;
  };
  assert.match(await run({}), /"count":"?120/);
  assert.match(await run({ recover: true }), /"count":"?122/);
});
