// `npm run bench` first compiles src/ and bench/ with tsc into .bench-build/, then runs the
// benchmarks there: they measure JavaScript, not tsx's transform, whose keepNames option wraps
// every closure it creates in a __name() call and made closure-heavy code (compiled searches,
// matchers) up to twice as slow as what ships. The command line users run (`bin: spelunk`) is
// the esbuild bundle: it is built as `npm run build` builds it, into .bench-build/dist/, and the
// fresh-process benches run it (next to tsc's module tree, where they compare the two).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness.ts';

const OUT = path.join(REPO_ROOT, '.bench-build');
const ENTRY = path.join(OUT, 'bench', 'main.js');

try {
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
} catch {
  // tsc emits JavaScript even when a file has a type error (npm run typecheck reports those).
  console.error('bench build: tsc reported type errors; measuring the JavaScript it emitted');
}
// An incremental build with nothing to do leaves the files as they were: they need only exist.
if (!existsSync(ENTRY)) throw new Error(`the bench build did not emit ${ENTRY}`);

/** Files the compiled code reads beside itself, as `npm run build` copies them into dist/. */
function link(target: string, at: string): void {
  rmSync(at, { recursive: true, force: true });
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
}
link(
  path.join(REPO_ROOT, 'src', 'knowledge', 'builtin'),
  path.join(OUT, 'src', 'knowledge', 'builtin'),
);
link(path.join(REPO_ROOT, 'content'), path.join(OUT, 'content'));
link(
  path.join(REPO_ROOT, 'src', 'knowledge', 'details', 'event-details.yml'),
  path.join(OUT, 'src', 'knowledge', 'details', 'event-details.yml'),
);
// The built web UI and report script (npm install's prepare, npm run build:ui).
link(path.join(REPO_ROOT, 'dist', 'ui'), path.join(OUT, 'dist', 'ui'));
// .bench-build/ is a package root of its own (core's package-layout finds it by its package.json).
writeFileSync(path.join(OUT, 'package.json'), '{ "type": "module", "private": true }\n');
execFileSync(
  process.execPath,
  ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'build-cli.ts'), path.join(OUT, 'dist')],
  { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
