// The CLI around the index, as processes: `ingest --data` (same content never twice), `search
// --data`, the lock a running server holds (the CLI is sent to --server), `search --server`;
// and the listening rules: loopback by default, TLS (or --insecure) to listen elsewhere.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { runCli } from '../dist.ts';
import { ADMIN_PASSWORD, startServe } from './serve-process.ts';

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'spelunk-cli-server-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('ingest --data, search --data, and a server holding the directory', {
  timeout: 120_000,
}, async () => {
  const data = path.join(root, 'data');
  const first = await runCli(['ingest', '--data', data, '--no-progress', 'content/data']);
  assert.equal(first.status, 0, first.stderr);
  const indexed = Number(/([\d,]+) events indexed/.exec(first.stdout)?.[1]?.replace(/,/g, ''));
  assert.ok(indexed > 0);
  const again = await runCli(['ingest', '--data', data, 'content/data']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /already indexed/);
  assert.match(again.stdout, /^0 events indexed$/m);
  const counted = await runCli(['search', '--data', data, '-f', 'json', 'index=* | stats count']);
  assert.equal(counted.status, 0, counted.stderr);
  assert.deepEqual(JSON.parse(counted.stdout), [{ count: indexed }]);

  const server = await startServe(data);
  try {
    const locked = await runCli(['ingest', '--data', data, 'content/data']);
    assert.equal(locked.status, 1);
    assert.match(locked.stderr, /held by another process.*--server/);
    const lockedSearch = await runCli(['search', '--data', data, 'index=* | stats count']);
    assert.equal(lockedSearch.status, 1);
    const remote = await runCli([
      'search',
      '--server',
      server.restUrl,
      '--password',
      ADMIN_PASSWORD,
      '-f',
      'json',
      'index=* | stats count',
    ]);
    assert.equal(remote.status, 0, remote.stderr);
    assert.deepEqual(JSON.parse(remote.stdout), [{ count: String(indexed) }]);
    const wrong = await runCli([
      'search',
      '--server',
      server.restUrl,
      '--password',
      'nope',
      'index=* | stats count',
    ]);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /call not properly authenticated/);
  } finally {
    await server.stop();
  }
});

test('listening beyond loopback needs TLS or --insecure; with TLS both ports speak https', {
  timeout: 120_000,
}, async () => {
  const refused = await runCli([
    'serve',
    '--data',
    path.join(root, 'tls-data'),
    '--host',
    '0.0.0.0',
    '--hec-port',
    '0',
    '--rest-port',
    '0',
  ]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /needs a TLS certificate and key/);
  const key = path.join(root, 'key.pem');
  const cert = path.join(root, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
  ]);
  const server = await startServe(path.join(root, 'tls-data'), [
    '--host',
    '0.0.0.0',
    '--tls-cert',
    cert,
    '--tls-key',
    key,
  ]);
  try {
    assert.match(server.restUrl, /^https:/);
    const port = new URL(server.restUrl).port;
    const { stdout } = await run('curl', [
      '-sk',
      `https://127.0.0.1:${port}/services/auth/login`,
      '-d',
      'username=admin',
      '-d',
      `password=${ADMIN_PASSWORD}`,
    ]);
    assert.ok((JSON.parse(stdout) as { sessionKey?: string }).sessionKey);
    const hecPort = new URL(server.hecUrl).port;
    const health = await run('curl', [
      '-sk',
      `https://127.0.0.1:${hecPort}/services/collector/health`,
    ]);
    assert.deepEqual(JSON.parse(health.stdout), { text: 'HEC is healthy', code: 17 });
    const plain = await run('curl', [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `http://127.0.0.1:${port}/services/server/info`,
    ]).catch((e: { stdout: string }) => e);
    assert.notEqual(plain.stdout, '200');
  } finally {
    await server.stop();
  }
});
