// `spelunk start` (npm start) as a process: the whole system on a fresh data directory - the
// sample through HEC, live detection's findings and incidents - driven in Chromium: the
// tunnelling host's incident and a drilldown from it, the Detections page (a detection's run
// history, disable and enable), the ATT&CK page. Ctrl-C (SIGTERM) stops it cleanly; a second
// start reuses the directory without indexing the sample again.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CLI, REPO } from '../dist.ts';
import { launchChromium, screenshot, watch } from './browser.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-start-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Started {
  readonly child: ChildProcess;
  readonly out: string;
  readonly ui: string;
  readonly rest: string;
  readonly password: string;
  stop(): Promise<number | null>;
}

async function start(data: string): Promise<Started> {
  const child = spawn(
    process.execPath,
    [CLI, 'start', '--data', data, '--ui-port', '0', '--hec-port', '0', '--rest-port', '0'],
    { cwd: REPO, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`start did not come up:\n${out}\n${err}`)),
      240_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl-C stops it')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`start exited (${code}):\n${out}\n${err}`));
    });
  });
  const ui = /Web UI\s+(\S+)\s+user admin, password (\S+)/.exec(out);
  const rest = /REST API\s+(\S+)/.exec(out)?.[1];
  assert.ok(ui && rest, out);
  return {
    child,
    out,
    ui: ui[1] ?? '',
    rest,
    password: ui[2] ?? '',
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function count(system: Started, search: string): Promise<number> {
  const response = await fetch(`${system.rest}/services/search/jobs`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`admin:${system.password}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      search: `search ${search} | stats count`,
      exec_mode: 'oneshot',
      output_mode: 'json',
    }),
  });
  const body = (await response.json()) as { results: { count: string }[] };
  return Number(body.results[0]?.count ?? 0);
}

async function login(page: Page, system: Started): Promise<void> {
  await page.goto(`${system.ui}/`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', system.password);
  await page.click('button[type=submit]');
  await page.locator('.cm-content').waitFor();
}

test('npm start: the system with the sample findings and incidents, in the browser', {
  timeout: 600_000,
}, async () => {
  const data = path.join(root, 'data');
  const system = await start(data);
  let stopped = false;
  try {
    assert.match(
      system.out,
      /129 events of content\/data sent through HEC now; 9 scheduled detections ran/,
    );
    assert.match(system.out, /3 of 3 Atomic tests found/);
    const found = /found\s+(\d+) risk events, (\d+) risk incidents/.exec(system.out);
    assert.ok(Number(found?.[1]) > 0 && Number(found?.[2]) > 0, system.out);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const seen = watch(page);
      await login(page, system);

      await page.click('a[href="#/incidents"]');
      const entities = page.locator('[data-testid=entities]');
      await entities.waitFor({ timeout: 60_000 });
      assert.match((await entities.textContent()) ?? '', /WS-0417\.contoso\.local/);
      await screenshot(page, 'incidents');
      await entities.locator('a', { hasText: 'WS-0417.contoso.local' }).click();
      const events = page.locator('[data-testid=risk-events]');
      await events.waitFor({ timeout: 60_000 });
      await page.locator('[data-testid=risk-timeline] canvas').waitFor();
      assert.match((await events.textContent()) ?? '', /Windows IDE CLI Tunnel Started/);
      await screenshot(page, 'incident-entity');
      const drilldown = events
        .locator('a.drilldown', { hasText: /View the detection results/ })
        .first();
      await drilldown.click();
      await page
        .locator('[data-testid=results-table] tbody tr')
        .first()
        .waitFor({ timeout: 60_000 });
      assert.match(
        (await page.locator('[data-testid=results-table]').textContent()) ?? '',
        /WS-0417\.contoso\.local/,
      );

      await page.click('a[href="#/detections"]');
      const detections = page.locator('[data-testid=detections-page]');
      await detections.waitFor({ timeout: 60_000 });
      assert.match(
        (await detections.textContent()) ?? '',
        /Windows IDE CLI Tunnel Started.*T1219\.001/s,
      );
      await screenshot(page, 'detections');
      await detections.locator('a', { hasText: 'Windows IDE CLI Tunnel Started' }).click();
      const history = page.locator('[data-testid=run-history]');
      await history.waitFor({ timeout: 60_000 });
      assert.match((await history.textContent()) ?? '', /success/);
      const toggle = page.locator('[data-testid=toggle-detection]');
      assert.equal(await toggle.textContent(), 'Disable');
      await toggle.click();
      await toggle.filter({ hasText: 'Enable' }).waitFor();
      await screenshot(page, 'detection');
      await toggle.click();
      await toggle.filter({ hasText: 'Disable' }).waitFor();

      await page.click('a[href="#/attack"]');
      const cell = page.locator('[data-testid=attack-page] [data-technique="T1219.001"]');
      await cell.waitFor({ timeout: 60_000 });
      await page
        .locator('[data-technique="T1219.001"][class*="fired"]')
        .waitFor({ timeout: 60_000 });
      await screenshot(page, 'attack');

      assert.deepEqual(seen.cspViolations, []);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.dialogs, []);
    } finally {
      await browser.close();
    }
    assert.equal(await system.stop(), 0, 'Ctrl-C stops it cleanly');
    stopped = true;

    const again = await start(data);
    try {
      assert.match(again.out, /already indexed .* \(not sent again\)/);
      assert.equal(await count(again, 'index=wineventlog'), 129);
    } finally {
      assert.equal(await again.stop(), 0);
    }
  } finally {
    if (!stopped) await system.stop();
  }
});
