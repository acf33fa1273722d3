// The bundle's Sigma cache key: dist/ has no sigma/ sources to hash, so the build embeds the code
// fingerprint it computed from the sources it bundled. The embedded one is the source tree's; the
// bundle reuses its own cache; a bundle of other code (another fingerprint) never does.
import assert from 'node:assert/strict';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { codeFingerprint } from '../../../src/sigma/cache/cache-key.ts';
import { DIST, REPO, runCli } from '../dist.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-bundle-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const rules = path.join(dir, 'rules');
mkdirSync(rules);
writeFileSync(
  path.join(rules, 'whoami.yml'),
  'title: Whoami\nid: 2d1b3c1e-0000-4000-8000-0000000000a1\nlevel: medium\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|contains: whoami\n  condition: sel\n',
);
const events = path.join(dir, 'events.jsonl');
writeFileSync(
  events,
  `${JSON.stringify({ _time: '2025-03-14T09:00:00Z', Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: '1', Computer: 'ws-1', CommandLine: 'cmd.exe /c whoami' })}\n`,
);

/** The one rule-set cache file: its header's key and its inode (a rewrite renames a new file). */
function cacheFile(cacheDir: string): { key: string; inode: number } {
  const files = readdirSync(path.join(cacheDir, 'sigma')).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 1, files.join(', '));
  const file = path.join(cacheDir, 'sigma', files[0] as string);
  const header = JSON.parse(readFileSync(file, 'utf8').split('\n', 1)[0] as string) as {
    key: string;
  };
  return { key: header.key, inode: statSync(file).ino };
}

async function hunt(cli: string, cacheDir: string): Promise<string> {
  const run = await runCli(['hunt', '--no-progress', '--sigma', rules, '-f', 'jsonl', events], {
    cli,
    env: { SPELUNK_CACHE_DIR: cacheDir },
  });
  assert.equal(run.status, 0, run.stderr);
  const findings = run.stdout.split('\n').filter((l) => l.startsWith('{"record":"finding"'));
  assert.equal(findings.length, 1, run.stdout);
  assert.match(findings[0] as string, /Whoami/);
  return findings.join('\n');
}

/** The chunk of dist/ that carries the embedded fingerprint. */
function fingerprintChunk(root: string, fingerprint: string): string {
  const chunks = path.join(root, 'chunks');
  const found = readdirSync(chunks)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => readFileSync(path.join(chunks, f), 'utf8').includes(fingerprint));
  assert.equal(found.length, 1, `chunks holding the fingerprint: ${found.join(', ')}`);
  return path.join(chunks, found[0] as string);
}

test('the bundle embeds the sources fingerprint, reuses its cache, and another build does not', async () => {
  const fingerprint = codeFingerprint();
  fingerprintChunk(DIST, fingerprint);

  const cacheDir = path.join(dir, 'cache');
  const cli = path.join(DIST, 'cli', 'main.js');
  const first = await hunt(cli, cacheDir);
  const written = cacheFile(cacheDir);
  // The pack's regex-safety verdicts are kept beside the rule sets, under the same fingerprint.
  const verdicts = readFileSync(path.join(cacheDir, 'regex-verdicts.json'), 'utf8');
  assert.ok(verdicts.split('\n', 1)[0]?.includes(`"key":"${fingerprint}"`), verdicts.slice(0, 200));
  assert.equal(await hunt(cli, cacheDir), first);
  assert.deepEqual(cacheFile(cacheDir), written, 'the second run read the cache, not rewrote it');

  // The same bundle as a build of other code: its own package root, another fingerprint.
  const other = path.join(dir, 'other');
  cpSync(DIST, path.join(other, 'dist'), { recursive: true });
  cpSync(path.join(REPO, 'package.json'), path.join(other, 'package.json'));
  symlinkSync(path.join(REPO, 'content'), path.join(other, 'content'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(other, 'node_modules'));
  const chunk = fingerprintChunk(path.join(other, 'dist'), fingerprint);
  writeFileSync(chunk, readFileSync(chunk, 'utf8').replaceAll(fingerprint, 'f'.repeat(64)));
  assert.equal(await hunt(path.join(other, 'dist', 'cli', 'main.js'), cacheDir), first);
  const rewritten = cacheFile(cacheDir);
  assert.notEqual(rewritten.key, written.key);
  assert.notEqual(rewritten.inode, written.inode);
});
