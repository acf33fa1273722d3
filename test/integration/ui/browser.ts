// Debian's Chromium driven by playwright-core for the browser tests (server-facts.md: chromium from
// apt, headless, with background networking, component updates and sync off so the browser
// reaches nothing but the server under test). Screenshots go to a temporary folder, and into
// docs/screenshots/ when UPDATE_SCREENSHOTS=1.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO } from '../dist.ts';

export const CHROMIUM = process.env['SPELUNK_CHROMIUM'] ?? '/usr/bin/chromium';
const SHOTS = mkdtempSync(path.join(tmpdir(), 'spelunk-shots-'));
export const DOCS_SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does), or set SPELUNK_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a page did that a test must see: script dialogs (an alert is an XSS), CSP refusals, errors. */
export interface PageWatch {
  readonly dialogs: string[];
  readonly cspViolations: string[];
  readonly errors: string[];
  readonly requests: string[];
}

export function watch(page: Page): PageWatch {
  const seen: PageWatch = { dialogs: [], cspViolations: [], errors: [], requests: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (process.env['UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
  return file;
}
