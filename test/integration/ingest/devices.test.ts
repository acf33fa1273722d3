// A FIFO with no writer named as an input: the CLI refuses it at once instead of blocking forever.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../dist.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-devices-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('spelunk search refuses a FIFO (ING008) and /dev/urandom, reads the other input, exits', async () => {
  const fifo = path.join(root, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const good = path.join(root, 'good.json');
  writeFileSync(good, '{"EventID":1,"@timestamp":"2024-03-01T10:00:00Z"}\n');
  const started = performance.now();
  const run = await runCli(['search', '--strict', '| stats count', fifo, '/dev/urandom', good]);
  assert.ok(performance.now() - started < 20_000);
  assert.equal(run.status, 1, '--strict: inputs were not read');
  assert.match(run.stdout, /^count\n-+\n1\n/);
  assert.match(run.stderr, /pipe: not read: a FIFO/);
  assert.match(run.stderr, /urandom: not read: a device/);
});
