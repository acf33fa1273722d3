// `spelunk hunt --html FILE`: one self-contained file whose only script and style are allowed by
// hash, with the hunt's data as JSON the page reads; a value holding markup stays data.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type HuntCommandOptions, runHuntCommand } from '../../src/cli/commands/hunt.ts';
import type { ReportData } from '../../src/cli/hunt/html/report-model.ts';
import { BUILTIN_CONTENT_DIR } from '../../src/detection/index.ts';
import { renderWholePage } from './helpers/whole-report-page.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-html-'));

function embedded(html: string): ReportData {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json !== undefined, 'the report data block is there');
  return JSON.parse(json) as ReportData;
}

test('hunt --html writes the report of the bundled telemetry: summary, findings, incidents, techniques', async () => {
  const file = path.join(dir, 'report.html');
  let err = '';
  const options: HuntCommandOptions = {
    content: [],
    sigma: [],
    detection: [],
    format: 'json',
    failOnFindings: false,
    props: [],
    strict: false,
    progress: false,
    html: file,
  };
  const code = await runHuntCommand([path.join(BUILTIN_CONTENT_DIR, 'data')], options, {
    out: () => {},
    err: (t) => {
      err += t;
    },
  });
  assert.equal(code, 0, err);
  assert.match(err, /HTML report: .*report\.html \(0\.\d MB\)/);
  const html = readFileSync(file, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const script = /<script>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
  const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
  const hash = (t: string) => createHash('sha256').update(t).digest('base64');
  assert.ok(csp.startsWith("default-src 'none'"), csp);
  assert.ok(
    csp.includes(`script-src 'sha256-${hash(script)}'`),
    'the page script is allowed by its hash',
  );
  assert.ok(csp.includes(`style-src 'sha256-${hash(style)}'`));
  assert.doesNotMatch(html, /<(link|img|iframe)\b|src="http/, 'nothing is loaded from elsewhere');
  const data = embedded(html);
  const seed = data.rules.findIndex((r) => r.name === 'Detect IDE Tunneling');
  assert.ok(seed >= 0);
  const seedFindings = data.findings.filter((f) => f[0] === seed);
  assert.equal(seedFindings.length, data.rules[seed]?.findings);
  assert.ok(
    seedFindings.some((f) =>
      f[4].some((s) =>
        /tunnel --accept-server-license-terms --name test-tunnel/.test(data.strings[s] ?? ''),
      ),
    ),
    'the Atomic test 1 command line is in the findings',
  );
  assert.ok(data.incidents.some((i) => i.object === 'WS-0417.contoso.local'));
  assert.ok(data.techniques.some((t) => t.id === 'T1219.001' && t.name === 'IDE Tunneling'));
  assert.ok(data.rules.every((r) => data.levels.includes(r.level)));
});

test('a value holding markup or a closing script tag stays data in the page', () => {
  const assets = path.join(dir, 'assets');
  mkdirSync(assets, { recursive: true });
  writeFileSync(
    path.join(assets, 'report.js'),
    'document.body.dataset.ready = "true"; // </script>',
  );
  writeFileSync(path.join(assets, 'report-style.css'), 'body { color: black }');
  const hostile = '</script><img src=x onerror=alert(1)><!-- \u2028';
  const data: ReportData = {
    title: 'spelunk hunt report',
    generated: '2026-01-01T00:00:00.000Z',
    inputs: ['x'],
    events: 1,
    elapsedSeconds: 0,
    ran: { spl: 1, sigma: 0, quiet: 0 },
    levels: ['informational', 'low', 'medium', 'high', 'critical'],
    rules: [],
    strings: [hostile],
    findings: [],
    incidents: [],
    techniques: [],
    riskThreshold: 100,
    summary: [],
    noisy: [],
    tactics: [],
  };
  const html = renderWholePage(data, assets);
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two script elements close');
  assert.doesNotMatch(html, /<img/);
  assert.deepEqual(embedded(html).strings, [hostile]);
  assert.match(html, /dataset\.ready = "true"; \/\/ <\\\/script>/);
});
