// Builds the command line into dist/ with esbuild: dist/cli/main.js (`bin: spelunk`), each worker
// thread's entry at its source path (dist/ingest/evtx/parallel/decode-worker.js, ...), the EVTX
// reader as a module (dist/ingest/evtx/index.js, for the integration tests), and the chunks they
// share in dist/chunks/. A fresh process loaded ~880 ES modules from src/ (0.8 s of CPU per
// hunt, docs/hunt.md); the bundle loads a few files. Libraries are bundled too, except DuckDB
// (a native addon) and those resolving files at run time. Subcommands stay lazy: each is its own
// chunk, so `spelunk --version` does not load the server.
// `node scripts/build-cli.ts [outdir]` (tsx): dist/ by default; the bench builds its own copy.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { codeFingerprint } from '../src/sigma/cache/cache-key.ts';

const REPO = path.join(import.meta.dirname, '..');
const SRC = path.join(REPO, 'src');
const OUT = path.resolve(process.argv[2] ?? path.join(REPO, 'dist'));

/** Entry modules, named by their path under src/ (core's `workerUrl` finds workers so). */
const ENTRIES = [
  'cli/main',
  'ingest/evtx/index',
  'ingest/evtx/parallel/decode-worker',
  'engine/sigma-thread/match-worker',
  'server/detect/stream/sigma-match-worker',
  'server/ingest/hec/hec-parse-worker',
];
/** Data files read beside the source (core's `treePath`), copied to the same place in OUT. */
const DATA = ['knowledge/builtin', 'knowledge/details/event-details.yml'];

// What an earlier build wrote, but the web UI (scripts/build-ui.ts, run at install).
mkdirSync(OUT, { recursive: true });
for (const entry of readdirSync(OUT)) {
  if (entry !== 'ui') rmSync(path.join(OUT, entry), { recursive: true, force: true });
}
const result = await build({
  entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join(SRC, `${e}.ts`)])),
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // DuckDB loads a native addon; the rest is bundled.
  external: ['@duckdb/node-api', '@duckdb/node-bindings'],
  // Bundled CommonJS libraries call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __spelunkRequire } from 'node:module'; const require = __spelunkRequire(import.meta.url);",
  },
  define: { SPELUNK_BUNDLE: JSON.stringify({ fingerprint: codeFingerprint() }) },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
for (const data of DATA) cpSync(path.join(SRC, data), path.join(OUT, data), { recursive: true });

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const bytes = outputs.reduce((sum, [, out]) => sum + out.bytes, 0);
process.stdout.write(
  `command line bundled into ${path.relative(process.cwd(), OUT) || '.'}: ${outputs.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB\n`,
);
