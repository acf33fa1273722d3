// `spelunk search` as a process: usage errors exit 2; a satisfied `head` ends the process while its
// stdin is still open.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PROCESS_LINES_64K } from '../../helpers/process-lines.ts';
import { CLI, runCli } from '../dist.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-search-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const jsonl = path.join(dir, 'events.jsonl');
writeFileSync(jsonl, '{"user":"alice"}\n{"user":"bob"}\n');

test('usage errors from the command line exit 2', async () => {
  const result = await runCli(['search', '* | stats count', jsonl, '--format', 'yaml']);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /--format/);
});

test('spelunk search … | head 1 - exits while its stdin is still open', {
  timeout: 120_000,
}, async () => {
  const child = spawn(
    process.execPath,
    [CLI, 'search', 'EventCode=1 | head 1 | table Image', '-'],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  // Keeps writing until the child is gone: the pipe never reaches end of file.
  let writes = 0;
  const feed = () => {
    if (child.stdin.destroyed || child.exitCode !== null) return;
    writes++;
    if (child.stdin.write(PROCESS_LINES_64K)) setImmediate(feed);
    else child.stdin.once('drain', feed);
  };
  child.stdin.on('error', () => {});
  feed();
  // A child that keeps reading is killed (and fails the test) rather than left behind.
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  assert.equal(code, 0, `exit ${code}, signal ${child.signalCode}: ${err}`);
  assert.match(out, /C:\\w\\p0\.exe/);
  assert.doesNotMatch(out, /p1\.exe/);
  assert.ok(writes > 0);
});
