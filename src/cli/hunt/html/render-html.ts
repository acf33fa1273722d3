// The HTML hunt report: one self-contained file that opens offline. The page script and style
// (built by esbuild into dist/ui/report/ at install time) are inlined, and the report's data is a
// JSON block the script reads; a Content-Security-Policy allows only that script and style (by
// hash), and no network at all, so nothing in the data can run or call out when the file opens.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UI_ASSETS_DIR } from '../../../core/index.ts';

const REPORT_ASSETS = path.join(UI_ASSETS_DIR, 'report');

export class ReportAssetsMissingError extends Error {
  constructor(dir: string) {
    super(
      `the report's page script is not built (${dir}/report.js is missing): run npm run build:ui (npm install and npm run build do)`,
    );
    this.name = 'ReportAssetsMissingError';
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** JSON text made safe inside a <script> element: no `<` (so no `</script>` or `<!--`), no U+2028/9. */
export function scriptSafe(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page script and style files; throws ReportAssetsMissingError when they are not built. */
export function reportAssets(assetsDir: string = REPORT_ASSETS): { script: string; style: string } {
  const script = path.join(assetsDir, 'report.js');
  const style = path.join(assetsDir, 'report-style.css');
  if (!existsSync(script) || !existsSync(style)) throw new ReportAssetsMissingError(assetsDir);
  return { script, style };
}

/** The page around the report's data: `before` ends where the data's JSON starts, `after` goes on from its end. */
export interface HtmlPage {
  readonly before: string;
  readonly after: string;
}

export function htmlPage(
  title: string,
  generated: string,
  assetsDir: string = REPORT_ASSETS,
): HtmlPage {
  const { script: scriptFile, style: styleFile } = reportAssets(assetsDir);
  // A `</` inside the inlined code would end its element early.
  const script = readFileSync(scriptFile, 'utf8').replace(/<\//g, '<\\/');
  const style = readFileSync(styleFile, 'utf8').replace(/<\//g, '<\\/');
  // The hashes cover the script and style elements only: the data block is JSON, never run.
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const before = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)} ${escapeText(generated)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<script type="application/json" id="report-data">',
  ].join('\n');
  const after = ['</script>', `<script>${script}</script>`, '</body>', '</html>', ''].join('\n');
  return { before, after };
}
