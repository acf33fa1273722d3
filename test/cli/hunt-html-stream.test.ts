// `hunt --html` writes its page as a stream (the findings read back and encoded in chunks): the
// file is byte for byte the page the whole in-memory model renders to, markup, U+2028/9 and
// non-ASCII values included, with many findings across the chunk boundaries.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { JSON_CHUNK_CHARS } from '../../src/cli/hunt/html/report-json-stream.ts';
import { writeHtmlReport } from '../../src/cli/hunt/html/write-html-report.ts';
import { BUILTIN_CONTENT_DIR } from '../../src/detection/index.ts';
import {
  type DetectionOutcome,
  type Finding,
  type HuntReport,
  openWorkspace,
  runHunt,
} from '../../src/engine/index.ts';
import { renderWholePage, wholeReportData } from './helpers/whole-report-page.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-html-stream-'));
const assets = path.join(dir, 'assets');
mkdirSync(assets);
writeFileSync(path.join(assets, 'report.js'), 'document.body.dataset.ready = "1"; // </script>');
writeFileSync(path.join(assets, 'report-style.css'), 'body { color: black }');
const now = new Date('2026-12-07T17:00:00.000Z');

/** The file writeHtmlReport streams and the page of the whole model rendered at once. */
function bothWays(report: HuntReport, name: string): { streamed: Buffer; whole: Buffer } {
  const file = path.join(dir, `${name}.html`);
  const bytes = writeHtmlReport(file, report, ['in.evtx', 'é </script>'], {
    now,
    assetsDir: assets,
  });
  const streamed = readFileSync(file);
  assert.equal(bytes, streamed.length);
  const data = wholeReportData(report, ['in.evtx', 'é </script>'], now);
  return { streamed, whole: Buffer.from(renderWholePage(data, assets), 'utf8') };
}

async function bundledReport(): Promise<HuntReport> {
  const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR] });
  return runHunt(workspace, [`${BUILTIN_CONTENT_DIR}/data`]);
}

const HOSTILE = [
  '</script><img src=x onerror=alert(1)><!--',
  'line\u2028separator\u2029paragraph',
  'é ✓ 日本語 😀 Ω',
  `${'x'.repeat(398)}😀 cut inside a surrogate pair`,
  'C:\\Windows\\System32\\cmd.exe /c "echo <b>&amp;</b>"',
];

/** A detection with `count` findings whose values hold markup, separators and non-ASCII text. */
function hostileOutcome(like: DetectionOutcome, count: number): DetectionOutcome {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    findings.push({
      rule: like.rule,
      fields: {
        host: i % 7 === 0 ? '' : `host-${i % 13}</script>`,
        Computer: `pc-${i % 5}`,
        CommandLine: `${HOSTILE[i % HOSTILE.length]} #${i} ${'ü'.repeat(i % 300)}`,
        Image: HOSTILE[(i + 1) % HOSTILE.length],
        TargetFilename: ['a\u2028', `b<${i % 3}`],
        _raw: 'never shown',
      },
      time: i % 11 === 0 ? undefined : 1_700_000_000 + i / 8,
      riskScore: (i % 4) * 10,
      riskEvents: 1,
    } as Finding);
  }
  const list = Object.assign(findings, { first: (n: number) => findings.slice(0, n) });
  return { ...like, findings: list, findingCount: count };
}

test('the streamed report is byte-identical to the whole model rendered at once', async () => {
  const report = await bundledReport();
  assert.ok(report.detections.length > 0);
  const plain = bothWays(report, 'bundled');
  assert.ok(plain.streamed.equals(plain.whole), 'the bundled hunt');

  const like = report.detections[0] as DetectionOutcome;
  const hostile: HuntReport = {
    ...report,
    detections: [hostileOutcome(like, 3000), ...report.detections, hostileOutcome(like, 17)],
  };
  const { streamed, whole } = bothWays(hostile, 'hostile');
  assert.ok(whole.length > 8 * JSON_CHUNK_CHARS, 'the findings span many chunks');
  assert.equal(streamed.length, whole.length);
  assert.ok(streamed.equals(whole), 'markup, separators and non-ASCII values, many findings');
  const html = streamed.toString('utf8');
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two script elements close');
  assert.doesNotMatch(html, /\u2028|\u2029|<img/);
  assert.match(html, /日本語 😀/);
});
