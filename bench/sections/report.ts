// Bench `report`: `spelunk hunt --html` over synthetic tunnelling telemetry that gives about
// 10,000 findings: the file's size (target under 5 MB) and the time until Chromium has drawn it
// (target under 2 s), next to a floor measured in the same run - the same browser opening an
// empty page under the same CSP - and the JSON output of the same hunt, for size.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { xorshift32 as random } from '../../src/core/seeded-random.ts';
import { BENCH_TMP, type BenchSection, REPO_ROOT, ratio } from '../harness.ts';

/**
 * Process creations of a VS Code tunnel CLI: each is found by seed 000 and by the pack's
 * "Windows IDE CLI Tunnel Started", so 5,000 events give 10,000 findings.
 */
const EVENTS = Number(process.env['REPORT_BENCH_EVENTS'] ?? 5_000);
const ROUNDS = 3;
const CHROMIUM = process.env['SPELUNK_CHROMIUM'] ?? '/usr/bin/chromium';
const SYSMON =
  "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/>";

function tunnelEvent(i: number, next: () => number): string {
  const time = new Date(Date.UTC(2025, 2, 1) + i * 60_000).toISOString().replace('Z', '0000Z');
  const host = `WS${String(1 + Math.floor(next() * 300)).padStart(3, '0')}.corp.example`;
  const user = `CORP\\user${1 + Math.floor(next() * 800)}`;
  const image = `C:\\Users\\user${i % 800}\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code-tunnel.exe`;
  const data = [
    [
      'ProcessGuid',
      `{4d5c1a2b-${(i & 0xffff).toString(16).padStart(4, '0')}-6630-0000-001000000000}`,
    ],
    ['ProcessId', String(1000 + i)],
    ['Image', image],
    [
      'CommandLine',
      `"${image}" tunnel --accept-server-license-terms --name host-${i} --cli-data-dir C:\\Users\\Public\\vsc\\data`,
    ],
    ['User', user],
    ['ParentImage', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'],
    ['ParentCommandLine', 'powershell.exe -nop -w hidden -c Start-Process code-tunnel.exe'],
  ]
    .map(
      ([n, v]) =>
        `<Data Name='${n}'>${(v ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</Data>`,
    )
    .join('');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${SYSMON}<EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='3140' ThreadID='4400'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${host}</Computer><Security UserID='S-1-5-18'/></System><EventData>${data}</EventData></Event>`;
}

function input(): string {
  mkdirSync(BENCH_TMP, { recursive: true });
  const file = path.join(BENCH_TMP, `report-tunnels-${EVENTS}.xml`);
  if (!existsSync(file)) {
    const next = random(18);
    const lines: string[] = [];
    for (let i = 0; i < EVENTS; i++) lines.push(tunnelEvent(i, next));
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  return file;
}

async function drawTimes(urls: readonly string[]): Promise<number[]> {
  const browser = await chromium.launch({
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
  try {
    const best = urls.map(() => Number.POSITIVE_INFINITY);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, url] of urls.entries()) {
        const page = await browser.newPage();
        const started = performance.now();
        await page.goto(url);
        await page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout: 60_000 });
        best[i] = Math.min(best[i] ?? Infinity, performance.now() - started);
        await page.close();
      }
    }
    return best;
  } finally {
    await browser.close();
  }
}

const section: BenchSection = {
  name: 'report',
  description: `hunt --html for ${(2 * EVENTS).toLocaleString('en-US')} findings: size and time until drawn in Chromium (targets < 5 MB, < 2 s)`,
  async run() {
    console.log(
      `loadavg ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (!existsSync(CHROMIUM)) {
      console.log(`skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
      return;
    }
    const events = input();
    const html = path.join(BENCH_TMP, 'report.html');
    const json = path.join(BENCH_TMP, 'report.json');
    const cli = path.join(REPO_ROOT, '.bench-build', 'src', 'cli', 'main.js');
    const started = performance.now();
    execFileSync(
      process.execPath,
      [cli, 'hunt', '--no-progress', '--html', html, '-f', 'json', '-o', json, events],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    const huntMs = performance.now() - started;
    const report = JSON.parse(readFileSync(json, 'utf8')) as { detections: { findings: number }[] };
    const findings = report.detections.reduce((n, d) => n + d.findings, 0);
    // The floor: an empty page that marks itself drawn, under the same kind of CSP.
    const floor = path.join(BENCH_TMP, 'report-floor.html');
    writeFileSync(
      floor,
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash("document.body.dataset['ready']='true'")}'"><body><script>document.body.dataset['ready']='true'</script></body>`,
    );
    const [floorMs, drawMs] = await drawTimes([
      pathToFileURL(floor).href,
      pathToFileURL(html).href,
    ]);
    const size = statSync(html).size;
    console.log(
      `findings ${findings.toLocaleString('en-US')} (hunt over ${EVENTS.toLocaleString('en-US')} events with --html took ${(huntMs / 1000).toFixed(2)} s)`,
    );
    console.log(
      `report size ${(size / 1048576).toFixed(2)} MB (${Math.round(size / Math.max(1, findings))} bytes per finding; -f json of the same hunt ${(statSync(json).size / 1048576).toFixed(2)} MB)  target < 5 MB`,
    );
    console.log(
      `drawn in Chromium ${Math.round(drawMs ?? 0)} ms (empty page floor ${Math.round(floorMs ?? 0)} ms, ${ratio(drawMs ?? 0, floorMs ?? 1)})  target < 2000 ms`,
    );
  },
};

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

export default section;
