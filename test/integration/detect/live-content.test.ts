// Bad content while the server runs: a detection with a broken search and one with an unknown
// macro are added to the content directory; the reload is refused with both errors reported
// (REST status, `spelunk status`), and the detections already running keep their schedule. A
// fixed directory is then taken on SIGHUP.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { REPO, runCli } from '../dist.ts';
import { ADMIN_PASSWORD, type ServeProcess, startServe } from '../server/serve-process.ts';
import { HOUR, rest, savedSearches, setClock, waitForRuns } from './live-fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-live-content-'));
let server: ServeProcess | undefined;
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const content = path.join(dir, 'content');
const detections = path.join(content, 'detections', 'endpoint');
const template = readFileSync(
  path.join(REPO, 'content', 'detections', 'endpoint', 'windows_devtunnels_image_loaded.yml'),
  'utf8',
);

/** The seed 004 detection under another name and id, with `search` replaced. */
function detection(name: string, id: string, search: string): string {
  return template
    .replace(/^name: .*$/m, `name: ${name}`)
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^search: \|-\n(?: {4}.*\n|\n)*/m, `search: ${JSON.stringify(search)}\n`);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a broken search or an unknown macro is reported; the running detections go on', {
  timeout: 180_000,
}, async () => {
  cpSync(path.join(REPO, 'content'), content, {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}data`),
  });
  const T0 = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 3 * HOUR;
  const clock = path.join(dir, 'clock');
  setClock(clock, T0 + 60);
  const running = await startServe(path.join(dir, 'data'), [
    '--content',
    content,
    '--clock-file',
    clock,
  ]);
  server = running;
  const scheduled = async () =>
    (await savedSearches(running.restUrl)).filter((e) => e.content['is_scheduled'] === true);
  assert.equal((await scheduled()).length, 9);

  writeFileSync(
    path.join(detections, 'broken_search_detection.yml'),
    detection(
      'Broken Search Detection',
      '0b0b0b0b-1111-4222-8333-444444444444',
      '`sysmon` EventCode=1 | stats count by | where (',
    ),
  );
  writeFileSync(
    path.join(detections, 'unknown_macro_detection.yml'),
    detection(
      'Unknown Macro Detection',
      '0c0c0c0c-1111-4222-8333-444444444444',
      '`sysmon` EventCode=1 | `no_such_macro_zz` | stats count by Computer',
    ),
  );
  const refused = await waitFor('the refused reload', async () => {
    const status = await rest(running.restUrl, '/services/spelunk/detect/status');
    const reload = status['lastReload'] as { applied: boolean; errors: { text: string }[] } | null;
    return reload !== null && reload.errors.length >= 2 ? reload : undefined;
  });
  assert.equal(refused.applied, false);
  const messages = refused.errors.map((e) => e.text).join('\n');
  assert.match(messages, /no_such_macro_zz/);
  assert.match(messages, /broken_search_detection\.yml:\d+/);
  assert.match(messages, /unknown_macro_detection\.yml:\d+/);
  const printed = await runCli([
    'status',
    '--server',
    running.restUrl,
    '--password',
    ADMIN_PASSWORD,
  ]);
  assert.equal(printed.status, 0, printed.stderr);
  assert.match(printed.stdout, /REFUSED, the previous content keeps running/);
  assert.match(printed.stdout, /no_such_macro_zz/);
  assert.match(printed.stdout, /broken_search_detection\.yml/);

  // The nine that ran before keep running.
  assert.equal((await scheduled()).length, 9);
  setClock(clock, T0 + HOUR + 60);
  await waitForRuns(running.restUrl, T0 + HOUR);
  for (const entry of await scheduled())
    assert.equal(entry.content['spelunk.last_run.status'], 'success', entry.name);

  // Fixed: the bad files gone, a good new detection added; SIGHUP reloads.
  rmSync(path.join(detections, 'broken_search_detection.yml'));
  rmSync(path.join(detections, 'unknown_macro_detection.yml'));
  writeFileSync(
    path.join(detections, 'devtunnels_image_loaded_copy.yml'),
    detection(
      'Devtunnels Image Loaded Copy',
      '0d0d0d0d-1111-4222-8333-444444444444',
      '`sysmon` EventCode=7 ImageLoaded="*devtunnel.dll" | stats count min(_time) as firstTime max(_time) as lastTime by Computer | rename Computer as dest',
    ),
  );
  running.child.kill('SIGHUP');
  await waitFor('the new detection', async () =>
    (await scheduled()).length === 10 ? true : undefined,
  );
  const status = await rest(running.restUrl, '/services/spelunk/detect/status');
  assert.equal((status['lastReload'] as { applied: boolean }).applied, true);
  setClock(clock, T0 + 2 * HOUR + 60);
  await waitForRuns(running.restUrl, T0 + 2 * HOUR);
});
