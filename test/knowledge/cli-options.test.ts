// The knowledge options of the CLI: `search --props` (`dump` with the knowledge fields and
// `--raw-fields`: test/integration/cli/dump.test.ts).
import assert from 'node:assert/strict';
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
