// Builds the web UI into dist/ui/ with esbuild: one JavaScript bundle (Preact, CodeMirror 6,
// uPlot and the app) and one stylesheet, from node_modules only. Runs at `npm install` (prepare)
// and in `npm run build`; the server serves what it wrote and fetches nothing at run time.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const UI = path.join(import.meta.dirname, '..', 'ui');
const OUT = path.join(import.meta.dirname, '..', 'dist', 'ui');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(path.join(OUT, 'assets'), { recursive: true });
const result = await build({
  entryPoints: { app: path.join(UI, 'src', 'main.tsx') },
  outdir: path.join(OUT, 'assets'),
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
// The HTML hunt report's script and style, which `spelunk hunt --html` inlines into each report.
const report = await build({
  entryPoints: {
    report: path.join(UI, 'src', 'report', 'report-main.ts'),
    'report-style': path.join(UI, 'src', 'report', 'report.css'),
  },
  outdir: path.join(OUT, 'report'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
copyFileSync(path.join(UI, 'index.html'), path.join(OUT, 'index.html'));
const outputs = { ...result.metafile.outputs, ...report.metafile.outputs };
const bytes = Object.entries(outputs)
  .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} KB`)
  .join(', ');
process.stdout.write(`web UI built into ${path.relative(process.cwd(), OUT) || '.'}: ${bytes}\n`);
