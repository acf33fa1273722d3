// `spelunk search` end to end: inputs, formats, lookups, exit codes and messages.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runSearch, type SearchOptions } from '../../../src/cli/commands/search.ts';
import {
  generateSysmonSample,
  SEED_IDE_TUNNELING_SEARCH,
  SEED_SOURCETYPE,
} from '../../fixtures/seed-sample.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-cli-'));
const jsonl = path.join(dir, 'events.jsonl');
writeFileSync(
  jsonl,
  [
    { _time: 1_700_000_000, host: 'a', user: 'bob', Image: 'C:\\Windows\\cmd.exe' },
    { _time: 1_700_000_060, host: 'b', user: 'eve', Image: 'C:\\Tools\\ngrok.exe' },
    { _time: 1_700_000_120, host: 'a', user: 'bob', Image: 'C:\\Tools\\ngrok.exe' },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n'),
);
const lookupDir = path.join(dir, 'lookups');
const xml = path.join(dir, 'sysmon.xml');
writeFileSync(xml, [...generateSysmonSample(100, 10)].join('\n'));

async function search(spl: string, paths: string[], options: Partial<SearchOptions> = {}) {
  let out = '';
  let err = '';
  const code = await runSearch(
    spl,
    paths,
    { format: 'json', macros: [], lookups: [], strict: false, ...options },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

describe('spelunk search', () => {
  test('runs over JSON lines and prints one JSON array', async () => {
    const { code, out, err } = await search('* | stats count by user', [jsonl]);
    assert.equal(code, 0, err);
    assert.deepEqual(JSON.parse(out), [
      { user: 'bob', count: 2 },
      { user: 'eve', count: 1 },
    ]);
  });

  test('the seed search over Sysmon XML finds the tunnel launches', async () => {
    const { code, out } = await search(SEED_IDE_TUNNELING_SEARCH, [xml], {
      sourcetype: SEED_SOURCETYPE,
      format: 'jsonl',
    });
    assert.equal(code, 0);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(rows.length, 10);
    assert.ok(
      rows.every(
        (r) => r['IsTunnelCommand'] === 1 || r['IsCodeCLI'] === 1 || r['IsJetBrains'] === 1,
      ),
    );
    assert.deepEqual(Object.keys(rows[0] ?? {}).slice(0, 4), ['_time', 'host', 'User', 'Image']);
  });

  test('csv and table formats', async () => {
    const csv = await search('* | table host user', [jsonl], { format: 'csv' });
    assert.equal(csv.out, 'host,user\r\na,bob\r\nb,eve\r\na,bob\r\n');
    const table = await search('* | stats count', [jsonl], { format: 'table' });
    assert.equal(table.out, 'count\n-----\n3\n');
  });

  test('lookups from a directory', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lookupDir, { recursive: true });
    writeFileSync(path.join(lookupDir, 'tools.csv'), 'tool,kind\n*ngrok*,tunnel\n');
    writeFileSync(
      path.join(lookupDir, 'tools.yml'),
      'name: tools\nfilename: tools.csv\nmatch_type: WILDCARD(tool)\n',
    );
    const { code, out } = await search(
      '* | lookup tools tool AS Image OUTPUT kind | stats count by kind',
      [jsonl],
      {
        lookups: [lookupDir],
      },
    );
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), [{ kind: 'tunnel', count: 2 }]);
  });

  test('a bad search exits 1 with the diagnostic and a caret under the span', async () => {
    const { code, err, out } = await search('* | stats nosuch(x)', [jsonl]);
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /error\[SPL311\]/);
    assert.match(err, /\n\s*\d* \| \* \| stats nosuch\(x\)\n\s*\|\s+\^{6}/);
  });

  test('a generating search needs no input; an event search without input is a usage error', async () => {
    const generated = await search('| makeresults count=2 | eval x=1 | table x', []);
    assert.equal(generated.code, 0);
    assert.deepEqual(JSON.parse(generated.out), [{ x: 1 }, { x: 1 }]);
    const missing = await search('* | stats count', []);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /give files or directories/);
  });

  test('--strict fails on an unreadable record; without it the rest is still searched', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"user":"x"}\n{not json\n{"user":"y"}\n');
    const lenient = await search('* | stats count', [bad], { format: 'json' });
    assert.equal(lenient.code, 0);
    assert.deepEqual(JSON.parse(lenient.out), [{ count: 2 }]);
    assert.match(lenient.err, /skipped/);
    const strict = await search('* | stats count', [bad], { strict: true });
    assert.equal(strict.code, 1);
  });
});
