// The HTML hunt report opened from disk in Chromium with every network request refused: the
// summary, timeline, heat map and incidents are drawn, and the seed's Atomic Red Team findings are
// there when its detection is opened; the page's CSP lets nothing else run.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCli } from '../dist.ts';
import { launchChromium, screenshot, watch } from './browser.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-report-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the report opens offline and shows the Atomic tests found by seed 000', {
  timeout: 180_000,
}, async () => {
  const file = path.join(root, 'report.html');
  const hunt = await runCli([
    'hunt',
    '--no-progress',
    '--html',
    file,
    '-f',
    'json',
    '-o',
    path.join(root, 'out.json'),
    'content/data',
  ]);
  assert.equal(hunt.status, 0, hunt.stderr);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const seen = watch(page);
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready=true]');
    const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';
    assert.match(await text('#summary'), /high|critical|medium/);
    assert.equal((await page.locator('#timeline svg rect').count()) > 0, true);
    assert.match(await text('#attack'), /T1219\.001\s*IDE Tunneling/);
    assert.match(await text('#incidents'), /WS-0417\.contoso\.local/);
    const seed = page.locator('details.detection[data-rule="Detect IDE Tunneling"]');
    await seed.locator('summary').click();
    const findings = await seed.locator('.findings').textContent();
    for (const atomic of [
      /tunnel --accept-server-license-terms --name test-tunnel/,
      /devtunnel\.exe"? host --port 8080 --allow-anonymous/,
      /schtasks\.exe/,
    ]) {
      assert.match(findings ?? '', atomic);
    }
    await page.locator('details.incident').first().locator('summary').click();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'report');
    assert.deepEqual(refused, []);
    assert.deepEqual(seen.cspViolations, []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.dialogs, []);
  } finally {
    await browser.close();
  }
});
