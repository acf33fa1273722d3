// The knowledge options of the CLI: `search --props`, `dump` with the knowledge fields, `dump --raw-fields`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runSearch, type SearchOptions } from '../../src/cli/commands/search.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-knowledge-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));
const REPO = path.resolve(import.meta.dirname, '..', '..');
const events = path.join(REPO, 'test', 'knowledge', 'fixtures', 'sysmon-7-devtunnel.log');
const props = path.join(root, 'props.yml');
writeFileSync(
  props,
  'props:\n  XmlWinEventLog:\n    EVAL-tunnel: if(like(ImageLoaded, "%devtunnel%"), "yes", "no")\n',
);
const broken = path.join(root, 'props.conf');
writeFileSync(broken, '[XmlWinEventLog]\nEVAL-x = if(a,\n');

async function search(spl: string, options: Partial<SearchOptions> = {}) {
  let out = '';
  let err = '';
  const code = await runSearch(
    spl,
    [events],
    { format: 'json', macros: [], lookups: [], strict: false, ...options },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

describe('search --props', () => {
  test('the built-in knowledge is always there; --props adds to it', async () => {
    const builtin = await search('EventCode=7 | stats count by loaded_file');
    assert.equal(builtin.code, 0, builtin.err);
    assert.deepEqual(JSON.parse(builtin.out), [
      { loaded_file: 'devtunnel.dll', count: 1 },
      { loaded_file: 'kernel32.dll', count: 1 },
    ]);
    const added = await search('EventCode=7 tunnel=yes | stats count', { props: [props] });
    assert.deepEqual(JSON.parse(added.out), [{ count: 1 }]);
    const alone = await search('EventCode=7 | stats count by loaded_file tunnel', {
      props: [props],
      builtinKnowledge: false,
    });
    assert.deepEqual(JSON.parse(alone.out), []);
    const own = await search('EventCode=7 | stats count by tunnel', {
      props: [props],
      builtinKnowledge: false,
    });
    assert.deepEqual(JSON.parse(own.out), [
      { tunnel: 'no', count: 1 },
      { tunnel: 'yes', count: 1 },
    ]);
  });

  test('a knowledge error stops the search before reading, with the place of the error', async () => {
    const { code, err, out } = await search('* | stats count', { props: [broken] });
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /error\[SPL011\]/);
    assert.match(err, /props\.conf:2:/);
  });
});

describe('dump', () => {
  const dump = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dump', ...args], {
      cwd: REPO,
      encoding: 'utf8',
    });

  test('prints the knowledge fields; --raw-fields prints the fields as read', () => {
    const enriched = dump(events);
    assert.equal(enriched.status, 0, enriched.stderr);
    const first = JSON.parse(enriched.stdout.split('\n')[0] ?? '{}') as Record<string, unknown>;
    assert.equal(first['loaded_file'], 'devtunnel.dll');
    assert.equal(first['vendor_product'], 'Microsoft Sysmon');
    const raw = dump('--raw-fields', events);
    assert.equal(raw.status, 0, raw.stderr);
    const plain = JSON.parse(raw.stdout.split('\n')[0] ?? '{}') as Record<string, unknown>;
    assert.equal(plain['loaded_file'], undefined);
    assert.equal(plain['ImageLoaded'], first['ImageLoaded']);
  });

  test('--raw-fields with --props is a usage error', () => {
    const both = dump('--raw-fields', '--props', props, events);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--raw-fields/);
  });
});
