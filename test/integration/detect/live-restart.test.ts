// Exactly once across crashes: the server is killed with SIGKILL while the scheduler catches up
// on seven windows (one run at a time), restarted, killed again between two windows, restarted
// past two more. Every window of every search ran exactly once and no risk event is duplicated
// (suppression is off here, so a repeated run would show as duplicates).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { exportSearch, type ServeProcess, startServe } from '../server/serve-process.ts';
import {
  ATTACK_DIR,
  HOUR,
  rest,
  savedSearches,
  sendFolder,
  setClock,
  testFolders,
  waitForRuns,
} from './live-fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-live-restart-'));
let server: ServeProcess | undefined;
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('SIGKILL mid-catch-up and between windows: every window once, no risk event twice', {
  timeout: 300_000,
}, async () => {
  const attacks = testFolders(ATTACK_DIR);
  const T0 = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 10 * HOUR;
  const clock = path.join(dir, 'clock');
  const config = path.join(dir, 'spelunk.yml');
  writeFileSync(config, 'detect:\n  suppress: 0\n  maxConcurrentRuns: 1\n');
  const data = path.join(dir, 'data');
  const start = () => startServe(data, ['--config', config, '--clock-file', clock]);

  setClock(clock, T0 + 60);
  server = await start();
  for (const [i, folder] of attacks.entries())
    await sendFolder(server.hecUrl, folder, T0 + i * HOUR + 120);

  // Seven windows due at once; killed as soon as some have run and others have not.
  setClock(clock, T0 + 7 * HOUR + 60);
  const deadline = Date.now() + 60_000;
  let ran = 0;
  while (Date.now() < deadline) {
    const entries = await savedSearches(server.restUrl);
    ran = entries.filter(
      (e) => Number(e.content['spelunk.last_run.scheduled_time']) >= T0 + HOUR,
    ).length;
    if (ran > 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(ran > 0, 'the scheduler started catching up');
  await server.kill();

  server = await start();
  await waitForRuns(server.restUrl, T0 + 7 * HOUR);
  // Between two windows: killed, restarted two windows later.
  await server.kill();
  setClock(clock, T0 + 9 * HOUR + 60);
  server = await start();
  await waitForRuns(server.restUrl, T0 + 9 * HOUR);

  const expected = Array.from({ length: 9 }, (_, i) => T0 + (i + 1) * HOUR);
  for (const entry of (await savedSearches(server.restUrl)).filter(
    (e) => e.content['is_scheduled'] === true,
  )) {
    const history = await rest(
      server.restUrl,
      `/services/saved/searches/${encodeURIComponent(entry.name)}/history?count=0`,
    );
    const times = (
      history['entry'] as { content: { scheduled_time: number; search_type: string } }[]
    )
      .filter((e) => e.content.search_type === 'scheduled')
      .map((e) => e.content.scheduled_time)
      .sort((a, b) => a - b);
    assert.deepEqual(times, expected, entry.name);
  }
  const risk = await exportSearch(server.restUrl, 'search index=risk | stats count');
  assert.ok(Number(risk[0]?.['count']) > 0);
  // Each run's risk events are exactly those its one record counts: none written twice, none
  // without its run (they commit together).
  const bySid = await exportSearch(server.restUrl, 'search index=risk | stats count by orig_sid');
  const records = await exportSearch(
    server.restUrl,
    'search index=internal sourcetype=scheduler risk_event_count>0 | table sid risk_event_count',
  );
  const counted = new Map(records.map((r) => [String(r['sid']), String(r['risk_event_count'])]));
  assert.equal(bySid.length, counted.size);
  for (const row of bySid) assert.equal(counted.get(String(row['orig_sid'])), String(row['count']));
  const runsTwice = await exportSearch(
    server.restUrl,
    'search index=internal sourcetype=scheduler | stats count by sid | where count > 1',
  );
  assert.deepEqual(runsTwice, []);
});
