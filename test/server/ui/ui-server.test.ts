// The web UI's listener over HTTP, in process: the strict CSP on every response, login with the
// server's users into an HttpOnly SameSite cookie, the CSRF token and same-origin rule on every
// change, the REST API reached with the cookie only, the editor's diagnostics and the Data page.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BUILTIN_CONTENT_DIR } from '../../../src/detection/index.ts';
import { defaultConfig } from '../../../src/server/config/load-config.ts';
import { ingestFiles } from '../../../src/server/ingest/file-ingest.ts';
import { type RunningServer, startServer } from '../../../src/server/serve.ts';

const PASSWORD = 'ui-test-password-1';
let dir: string;
let server: RunningServer;
let ui: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-ui-'));
  const assets = path.join(dir, 'assets-dir');
  mkdirSync(path.join(assets, 'assets'), { recursive: true });
  writeFileSync(path.join(assets, 'index.html'), '<!doctype html><title>ui-marker</title>');
  writeFileSync(path.join(assets, 'assets', 'app.js'), 'console.log(1)');
  const config = defaultConfig();
  server = await startServer({
    config: { ...config, listen: { ...config.listen, hecPort: 0, restPort: 0, uiPort: 0 } },
    dataDir: path.join(dir, 'data'),
    adminPassword: PASSWORD,
    uiAssetsDir: assets,
    log: () => {},
  });
  ui = server.uiUrl ?? '';
  await ingestFiles(
    [path.join(BUILTIN_CONTENT_DIR, 'data')],
    {
      checkpoint: (key) => server.store.checkpoint(key),
      write: (events, checkpoint) => server.store.write({ events, checkpoints: [checkpoint] }),
    },
    { input: {} },
  );
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function login(): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${ui}/api/ui/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ui },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  assert.match(
    setCookie,
    /^spelunk_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
  );
  const body = (await response.json()) as { user: string; csrf: string };
  assert.equal(body.user, 'admin');
  return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrf };
}

test('pages and API answers carry the strict CSP; unknown page paths are the app', async () => {
  for (const url of [`${ui}/`, `${ui}/search`, `${ui}/api/ui/session`]) {
    const response = await fetch(url);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    await response.arrayBuffer();
  }
  assert.match(await (await fetch(`${ui}/search`)).text(), /ui-marker/);
  assert.equal((await fetch(`${ui}/assets/missing.js`)).status, 404);
});

test('everything but login needs the session cookie; an Authorization header is not taken', async () => {
  assert.equal((await fetch(`${ui}/api/ui/session`)).status, 401);
  const basic = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;
  const viaHeader = await fetch(`${ui}/api/services/data/indexes?output_mode=json`, {
    headers: { Authorization: basic },
  });
  assert.equal(viaHeader.status, 401);
  const wrong = await fetch(`${ui}/api/ui/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'wrong' }),
  });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.headers.get('set-cookie'), null);
});

test('login from another origin, or as a form, is refused', async () => {
  const crossSite = await fetch(`${ui}/api/ui/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  assert.equal(crossSite.status, 403);
  const form = await fetch(`${ui}/api/ui/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'admin', password: PASSWORD }),
  });
  assert.equal(form.status, 415);
});

test('a change needs the CSRF token: a search job through the REST API with the cookie', async () => {
  const { cookie, csrf } = await login();
  const session = await fetch(`${ui}/api/ui/session`, { headers: { Cookie: cookie } });
  assert.deepEqual(await session.json(), { user: 'admin', csrf });
  const form = new URLSearchParams({
    search: 'search index=wineventlog EventCode=4698 | stats count',
    exec_mode: 'oneshot',
    output_mode: 'json',
  });
  const headers = { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' };
  const without = await fetch(`${ui}/api/services/search/v2/jobs`, {
    method: 'POST',
    headers,
    body: form,
  });
  assert.equal(without.status, 403);
  const forged = await fetch(`${ui}/api/services/search/v2/jobs`, {
    method: 'POST',
    headers: { ...headers, 'X-CSRF-Token': `${csrf.slice(0, -2)}xx` },
    body: form,
  });
  assert.equal(forged.status, 403);
  const crossSite = await fetch(`${ui}/api/services/search/v2/jobs`, {
    method: 'POST',
    headers: { ...headers, 'X-CSRF-Token': csrf, 'Sec-Fetch-Site': 'cross-site' },
    body: form,
  });
  assert.equal(crossSite.status, 403);
  const ok = await fetch(`${ui}/api/services/search/v2/jobs`, {
    method: 'POST',
    headers: { ...headers, 'X-CSRF-Token': csrf },
    body: form,
  });
  assert.equal(ok.status, 200);
  const body = (await ok.json()) as { results: { count: string }[] };
  assert.deepEqual(body.results, [{ count: '4' }]);
});

test('the editor gets the parser diagnostics with their span, and the search time window', async () => {
  const { cookie, csrf } = await login();
  const parse = async (spl: string, extra: Record<string, string> = {}) => {
    const response = await fetch(`${ui}/api/ui/parse`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ spl, ...extra }),
    });
    assert.equal(response.status, 200);
    return (await response.json()) as {
      diagnostics: { severity: string; code: string; from: number; to: number }[];
      bounds?: { earliest?: number; latest?: number };
    };
  };
  const bad = 'index=wineventlog | stats count by';
  const answer = await parse(bad);
  assert.equal(answer.bounds, undefined);
  const error = answer.diagnostics.find((d) => d.severity === 'error');
  assert.ok(error, JSON.stringify(answer));
  assert.ok(error.from >= bad.indexOf('stats') && error.to <= bad.length, JSON.stringify(error));
  const unknown = await parse('index=wineventlog | frobnicate x');
  const at = unknown.diagnostics[0];
  assert.equal(at?.from, 'index=wineventlog | '.length);
  const good = await parse('index=wineventlog earliest=1700000000 latest=1700003600');
  assert.deepEqual(good.diagnostics, []);
  assert.deepEqual(good.bounds, { earliest: 1700000000, latest: 1700003600 });
  const ranged = await parse('index=wineventlog', { earliest: '1700000000', latest: '' });
  assert.deepEqual(ranged.bounds, { earliest: 1700000000 });
});

test('the vocabulary and the Data page: counts from the store and which detections can fire', async () => {
  const { cookie } = await login();
  const vocabulary = (await (
    await fetch(`${ui}/api/ui/vocabulary`, { headers: { Cookie: cookie } })
  ).json()) as { commands: string[]; evalFunctions: string[]; macros: { name: string }[] };
  assert.ok(vocabulary.commands.includes('stats') && vocabulary.commands.includes('tstats'));
  assert.ok(vocabulary.evalFunctions.includes('match'));
  assert.ok(vocabulary.macros.some((m) => m.name === 'sysmon'));
  const data = (await (
    await fetch(`${ui}/api/ui/data`, { headers: { Cookie: cookie } })
  ).json()) as {
    indexes: { name: string; events: number }[];
    groups: Record<string, { value: string; count: number }[]>;
    coverage: { id: string; name: string; canFire: boolean; missing: string[] }[];
  };
  const total = data.indexes.reduce((n, i) => n + i.events, 0);
  assert.ok(total > 0);
  assert.equal(
    data.groups['EventCode']?.reduce((n, g) => n + g.count, 0),
    total,
    'every sample event has an EventCode',
  );
  assert.equal(data.groups['EventCode']?.find((g) => g.value === '4698')?.count, 4);
  const seed = data.coverage.find((c) => c.name === 'Detect IDE Tunneling');
  assert.deepEqual(seed, {
    id: seed?.id,
    name: 'Detect IDE Tunneling',
    canFire: true,
    missing: [],
  });
});

test('logout clears the cookie', async () => {
  const { cookie, csrf } = await login();
  const out = await fetch(`${ui}/api/ui/logout`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    body: '{}',
  });
  assert.equal(out.status, 200);
  assert.match(out.headers.get('set-cookie') ?? '', /spelunk_session=; .*Max-Age=0/);
});
