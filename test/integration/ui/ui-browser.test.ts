// The web UI in a real browser (Debian's Chromium through playwright-core) against `spelunk serve`
// from dist/ with the bundled sample ingested and one hostile event sent over HEC: log in, run
// seed 000 and see its rows and the histogram, click a field value and see the search refined,
// see the parser's caret, the Data page; an event whose CommandLine is an <img onerror> shows
// those characters and runs nothing; nothing is fetched from anywhere but the server.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { REPO, runCli } from '../dist.ts';
import {
  ADMIN_PASSWORD,
  HEC_TOKEN,
  type ServeProcess,
  startServe,
} from '../server/serve-process.ts';
import { launchChromium, type PageWatch, screenshot, watch } from './browser.ts';

const XSS = '<img src=x onerror=alert(1)>';
const SEED_000 = (
  parse(
    readFileSync(path.join(REPO, 'content/detections/endpoint/detect_ide_tunneling.yml'), 'utf8'),
  ) as {
    search: string;
  }
).search.trim();

let root: string;
let server: ServeProcess;
let browser: Browser;
let ui: string;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'spelunk-ui-browser-'));
  const data = path.join(root, 'data');
  const ingested = await runCli(['ingest', '--data', data, '--no-progress', 'content/data']);
  assert.equal(ingested.status, 0, ingested.stderr);
  server = await startServe(data);
  ui = server.uiUrl ?? assert.fail(`no Web UI line in the output:\n${server.stderr()}`);
  const hec = await fetch(`${server.hecUrl}/services/collector/event`, {
    method: 'POST',
    headers: { Authorization: `Splunk ${HEC_TOKEN}` },
    body: JSON.stringify({
      time: 1742400000,
      host: 'xss-host',
      sourcetype: 'xss:test',
      index: 'main',
      event: { CommandLine: XSS, Image: 'C:\\evil.exe', EventCode: '1' },
    }),
  });
  assert.equal(hec.status, 200, await hec.text());
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function loggedIn(): Promise<{ page: Page; seen: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const seen = watch(page);
  await page.goto(`${ui}/`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('button[type=submit]');
  await page.getByRole('alert').waitFor();
  assert.match((await page.getByRole('alert').textContent()) ?? '', /Login failed/);
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('.cm-content').waitFor();
  return { page, seen };
}

async function typeSearch(page: Page, spl: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(spl);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not so after ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function onlyServer(seen: PageWatch): void {
  const elsewhere = seen.requests.filter((url) => !url.startsWith(ui) && !url.startsWith('blob:'));
  assert.deepEqual(elsewhere, [], 'the page fetched from outside the server');
  assert.deepEqual(seen.cspViolations, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.dialogs, []);
}

test('log in, run seed 000: rows and the histogram; a field value refines the search', {
  timeout: 180_000,
}, async () => {
  const { page, seen } = await loggedIn();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'spelunk_session');
  assert.ok(session?.httpOnly && session.sameSite === 'Strict', JSON.stringify(cookies));
  assert.equal(await page.evaluate('document.cookie'), '', 'scripts cannot read the session');

  await typeSearch(page, SEED_000);
  await page.click('[data-testid=run-search]');
  const rows = page.locator('[data-testid=results-table] tbody tr');
  await rows.first().waitFor({ timeout: 60_000 });
  const count = await rows.count();
  assert.ok(count > 0);
  assert.match(
    (await page.locator('[data-testid=results-table] thead').textContent()) ?? '',
    /RiskScore/,
  );
  assert.match(
    (await page.locator('[data-testid=results-table] tbody').textContent()) ?? '',
    /tunnel/,
  );
  const histogram = page.locator('[data-testid=histogram]');
  await histogram.waitFor();
  assert.ok(Number(await histogram.getAttribute('data-total')) >= count);
  assert.equal(await page.locator('[data-testid=histogram-chart] canvas').count(), 1);
  await screenshot(page, 'search');

  // The field sidebar: open `host`, click its top value; the search gets host="..." and reruns.
  await page.locator('[data-testid=field-sidebar] button.field', { hasText: /^host/ }).click();
  const value = page
    .locator('[data-testid=field-sidebar] .top-values[data-field=host] button.value')
    .first();
  const host = (await value.textContent()) ?? '';
  assert.ok(host !== '');
  await value.click();
  const editor = page.locator('[data-testid=spl-editor]');
  await until(async () => ((await editor.textContent()) ?? '').includes(`host="${host}"`));
  const hostCells = page.locator('[data-testid=results-table] tbody tr td:nth-child(2)');
  await until(async () => {
    const cells = await hostCells.allTextContents();
    return cells.length > 0 && cells.every((c) => c === host);
  }, 60_000);
  const editorText = (await page.locator('[data-testid=spl-editor]').textContent()) ?? '';
  assert.ok(editorText.indexOf(`host="${host}"`) < editorText.indexOf('| eval'), editorText);
  const refined = await rows.count();
  assert.ok(refined > 0 && refined <= count);
  onlyServer(seen);
  await page.close();
});

test('the parser diagnostics show a caret under the bad part as you type', {
  timeout: 120_000,
}, async () => {
  const { page, seen } = await loggedIn();
  await typeSearch(page, 'index=wineventlog | frobnicate x');
  const diagnostics = page.locator('[data-testid=diagnostics]');
  await diagnostics.waitFor({ timeout: 30_000 });
  const text = (await diagnostics.textContent()) ?? '';
  assert.match(text, /error\[SPL\d+\]/);
  // The caret under `frobnicate`: the line, then `  | ` and 20 spaces for `index=wineventlog | `.
  assert.match(text, /1 \| index=wineventlog \| frobnicate x\n {2}\| {21}\^{10}/, text);
  await page.locator('.cm-lintRange-error').first().waitFor();
  onlyServer(seen);
  await page.close();
});

test('an event value holding markup shows as characters and runs nothing', {
  timeout: 120_000,
}, async () => {
  const { page, seen } = await loggedIn();
  await typeSearch(page, 'index=main host=xss-host');
  await page.click('[data-testid=run-search]');
  const events = page.locator('[data-testid=events-list]');
  await events.waitFor({ timeout: 60_000 });
  assert.match(
    (await events.locator('.raw').first().textContent()) ?? '',
    /<img src=x onerror=alert\(1\)>/,
  );
  await events.locator('button.expand').first().click();
  const cell = events.locator('.fields button.value', { hasText: XSS });
  assert.equal(await cell.textContent(), XSS);
  await page.getByRole('button', { name: /Results/ }).click();
  assert.match(
    (await page.locator('[data-testid=results-table]').textContent()) ?? '',
    /onerror=alert\(1\)/,
  );
  assert.equal(
    await page.locator('main img').count(),
    0,
    'no <img> element was made from the event',
  );
  await page.waitForTimeout(500);
  await screenshot(page, 'search-hostile-event');
  onlyServer(seen);
  await page.close();
});

test('the Data page: indexes, EventCodes and which detections can fire', {
  timeout: 120_000,
}, async () => {
  const { page, seen } = await loggedIn();
  await page.click('a[href="#/data"]');
  await page.locator('[data-testid=data-page]').waitFor();
  assert.match((await page.locator('[data-testid=data-page]').textContent()) ?? '', /wineventlog/);
  await page.locator('[data-testid=data-over-time] canvas').waitFor({ timeout: 60_000 });
  const coverage = (await page.locator('[data-testid=coverage]').textContent()) ?? '';
  assert.match(coverage, /Detect IDE Tunneling\s*yes/);
  await screenshot(page, 'data', true);
  onlyServer(seen);
  await page.close();
});
